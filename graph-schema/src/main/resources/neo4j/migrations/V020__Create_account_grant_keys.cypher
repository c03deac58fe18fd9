// Account grants (docs/separation-of-duties.md): a grant is approved or rejected by its id, the administrators' and
// auditors' lists are by status, and a new grant checks whether its professional already has one pending.
CREATE CONSTRAINT account_grant_id_unique IF NOT EXISTS
FOR (g:AccountGrant) REQUIRE g.id IS UNIQUE;
CREATE RANGE INDEX account_grant_status_index IF NOT EXISTS FOR (g:AccountGrant) ON (g.status);
CREATE RANGE INDEX account_grant_professional_index IF NOT EXISTS FOR (g:AccountGrant) ON (g.professionalId);

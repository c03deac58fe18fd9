// Audit events: each has a unique id and a unique place in the hash chain.
CREATE CONSTRAINT audit_event_id_unique IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT audit_event_sequence_unique IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.sequence IS UNIQUE;
// The auditor's filter: the events about one resident's pseudonym.
CREATE INDEX audit_event_subjects_index IF NOT EXISTS FOR (e:AuditEvent) ON (e.subjects);
CREATE CONSTRAINT audit_chain_id_unique IF NOT EXISTS FOR (c:AuditChain) REQUIRE c.id IS UNIQUE;

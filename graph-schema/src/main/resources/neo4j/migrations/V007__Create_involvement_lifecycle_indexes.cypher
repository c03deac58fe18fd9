// Involvement lifecycle: the nightly job finds active involvements past their expiresOn, and ended ones past
// retention by their until; imported ones without an expiresOn are found by status.
CREATE RANGE INDEX involvement_expires_index IF NOT EXISTS FOR (i:Involvement) ON (i.expiresOn);
CREATE RANGE INDEX involvement_until_index IF NOT EXISTS FOR (i:Involvement) ON (i.until);
CREATE RANGE INDEX involvement_status_index IF NOT EXISTS FOR (i:Involvement) ON (i.status);

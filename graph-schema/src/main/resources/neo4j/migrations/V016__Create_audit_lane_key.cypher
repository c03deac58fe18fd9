// Audit events are written through one of a fixed set of lanes instead of the chain's single head, so audited
// requests no longer wait for each other; a backup closes every lane at once (see V017).
CREATE CONSTRAINT audit_lane_number_unique IF NOT EXISTS FOR (l:AuditLane) REQUIRE l.number IS UNIQUE;

// The 32 lanes: a transaction that writes audit events locks one, chosen at random, as its last lock; a backup
// locks all of them. Its own migration, as Neo4j applies no schema change and data write in one transaction.
UNWIND range(0, 31) AS number
MERGE (:AuditLane {number: number});

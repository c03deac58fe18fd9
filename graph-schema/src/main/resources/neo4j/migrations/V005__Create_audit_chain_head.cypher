// The head of the audit chain: the last sequence number and hash. Every append locks it, which orders the
// events. Its own migration, as Neo4j applies no schema change and data write in one transaction.
MERGE (c:AuditChain {id: 'nabij'})
  ON CREATE SET c.sequence = 0, c.lastHash = '0000000000000000000000000000000000000000000000000000000000000000';

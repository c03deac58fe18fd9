// Links the events written before V012 to their subjects; its own migration, as Neo4j applies no schema change and
// data write in one transaction. Events keep their subjects list: it is part of what their hash covers.
MATCH (e:AuditEvent) WHERE NOT EXISTS { (e)-[:ABOUT]->(:AuditSubject) }
UNWIND e.subjects AS pseudonym
MERGE (s:AuditSubject {pseudonym: pseudonym})
MERGE (e)-[:ABOUT]->(s);

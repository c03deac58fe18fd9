// Before V084 an imported service's identity was kept on the one vindplaats it was imported at. Each becomes a
// Service offered at every vindplaats that named it; a name or description of its own only where it had one, else the
// place's. A service with no id of its own was one Nabij had derived from its place and needs no node.
MATCH (v:Vindplaats) WHERE v.hsdsServiceId IS NOT NULL
MERGE (s:Service {hsdsId: v.hsdsServiceId})
  ON CREATE SET s.id = randomUUID(), s.name = coalesce(v.hsdsServiceName, v.name),
    s.description = coalesce(v.hsdsServiceDescription, v.description),
    s.status = CASE coalesce(v.status, 'ACTIVE') WHEN 'ACTIVE' THEN 'active'
      WHEN 'TEMPORARILY_CLOSED' THEN 'temporarily closed' WHEN 'RETIRED' THEN 'defunct' ELSE 'inactive' END,
    s.needsClassification = false, s.modifiedAt = coalesce(v.modifiedAt, datetime())
MERGE (s)-[:OFFERED_AT]->(v);
MATCH (v:Vindplaats) WHERE v.hsdsServiceId IS NOT NULL OR v.hsdsServiceName IS NOT NULL
  OR v.hsdsServiceDescription IS NOT NULL
REMOVE v.hsdsServiceId, v.hsdsServiceName, v.hsdsServiceDescription;

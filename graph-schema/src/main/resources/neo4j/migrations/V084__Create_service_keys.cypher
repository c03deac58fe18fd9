// The social map keeps Open Referral services as services of their own, many at one vindplaats or at none: unique by
// Nabij's id and by the id they carry in HSDS, so importing again finds them. Locations and organizations that arrive
// without Nabij's taxonomies are kept as they came, by table and HSDS id, until a person classifies them; the
// services that wait for that are listed by their flag.
CREATE CONSTRAINT service_id_unique IF NOT EXISTS FOR (s:Service) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT service_hsds_id_unique IF NOT EXISTS FOR (s:Service) REQUIRE s.hsdsId IS UNIQUE;
CREATE CONSTRAINT unclassified_record_key_unique IF NOT EXISTS FOR (r:UnclassifiedRecord) REQUIRE r.key IS UNIQUE;
CREATE RANGE INDEX service_needs_classification_index IF NOT EXISTS FOR (s:Service) ON (s.needsClassification);

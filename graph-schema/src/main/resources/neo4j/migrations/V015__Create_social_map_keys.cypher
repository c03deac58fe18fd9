// The social map: an HSDS import upserts vindplaatsen and organisations by the id they carry in Open Referral.
CREATE CONSTRAINT vindplaats_hsds_id_unique IF NOT EXISTS FOR (v:Vindplaats) REQUIRE v.hsdsId IS UNIQUE;
CREATE CONSTRAINT organisation_hsds_id_unique IF NOT EXISTS FOR (o:Organisation) REQUIRE o.hsdsId IS UNIQUE;
// Vindplaatsen by status: the proposed ones awaiting review, the active ones of the public social map.
CREATE RANGE INDEX vindplaats_status_index IF NOT EXISTS FOR (v:Vindplaats) ON (v.status);

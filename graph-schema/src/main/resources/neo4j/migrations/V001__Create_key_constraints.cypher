// Nabij graph model: one uniqueness constraint per node key (docs/model-spec.md).
// Community Edition: property uniqueness only; node keys and existence constraints are Enterprise features.
// Each constraint also creates the range index that backs lookups by that key.

// Municipality by CBS code (GM9901).
CREATE CONSTRAINT municipality_code_unique IF NOT EXISTS
FOR (n:Municipality) REQUIRE n.code IS UNIQUE;

// District by CBS code (WK990101).
CREATE CONSTRAINT district_code_unique IF NOT EXISTS
FOR (n:District) REQUIRE n.code IS UNIQUE;

// Neighbourhood by CBS code (BU99010101).
CREATE CONSTRAINT neighbourhood_code_unique IF NOT EXISTS
FOR (n:Neighbourhood) REQUIRE n.code IS UNIQUE;

// Household by id.
CREATE CONSTRAINT household_id_unique IF NOT EXISTS
FOR (n:Household) REQUIRE n.id IS UNIQUE;

// Resident by id.
CREATE CONSTRAINT resident_id_unique IF NOT EXISTS
FOR (n:Resident) REQUIRE n.id IS UNIQUE;

// Resident by pseudonym (HMAC-SHA-256 of the BSN): one node per person.
CREATE CONSTRAINT resident_pseudonym_unique IF NOT EXISTS
FOR (n:Resident) REQUIRE n.pseudonym IS UNIQUE;

// Organisation by id.
CREATE CONSTRAINT organisation_id_unique IF NOT EXISTS
FOR (n:Organisation) REQUIRE n.id IS UNIQUE;

// Professional by id.
CREATE CONSTRAINT professional_id_unique IF NOT EXISTS
FOR (n:Professional) REQUIRE n.id IS UNIQUE;

// Team by id.
CREATE CONSTRAINT team_id_unique IF NOT EXISTS
FOR (n:Team) REQUIRE n.id IS UNIQUE;

// Vindplaats by id.
CREATE CONSTRAINT vindplaats_id_unique IF NOT EXISTS
FOR (n:Vindplaats) REQUIRE n.id IS UNIQUE;

// Involvement by id.
CREATE CONSTRAINT involvement_id_unique IF NOT EXISTS
FOR (n:Involvement) REQUIRE n.id IS UNIQUE;

// The municipality's postcode areas, each lying in one neighbourhood: where a volunteer's postcode is placed,
// without asking whether any household lives there.
CREATE CONSTRAINT postcode_area_code_unique IF NOT EXISTS FOR (a:PostcodeArea) REQUIRE a.code IS UNIQUE;

// Nabij graph model: range indexes for the API lookups that the key constraints of V001 do not cover.
// Add an index here only when a lookup uses it.

// Lookup: household by address (postcode equals, house number equals); the addition is filtered afterwards.
CREATE RANGE INDEX household_address_index IF NOT EXISTS
FOR (n:Household) ON (n.postcode, n.houseNumber);

// Lookup: organisations as a cursor-paged list sorted by name (index-backed ORDER BY name, seek past the cursor).
CREATE RANGE INDEX organisation_name_index IF NOT EXISTS
FOR (n:Organisation) ON (n.name);

// Lookup: professionals as a cursor-paged list sorted by name (index-backed ORDER BY name, seek past the cursor).
CREATE RANGE INDEX professional_name_index IF NOT EXISTS
FOR (n:Professional) ON (n.name);

// Lookup: teams as a cursor-paged list sorted by name (index-backed ORDER BY name, seek past the cursor).
CREATE RANGE INDEX team_name_index IF NOT EXISTS
FOR (n:Team) ON (n.name);

// Lookup: vindplaatsen as a cursor-paged list sorted by name (index-backed ORDER BY name, seek past the cursor).
CREATE RANGE INDEX vindplaats_name_index IF NOT EXISTS
FOR (n:Vindplaats) ON (n.name);

// Lookup: vindplaatsen filtered on kind FORMAL or INFORMAL.
CREATE RANGE INDEX vindplaats_kind_index IF NOT EXISTS
FOR (n:Vindplaats) ON (n.kind);

// Matches: one per household, so concurrent registrations MERGE into the same one; notifications by id.
CREATE CONSTRAINT match_household_unique IF NOT EXISTS FOR (m:Match) REQUIRE m.householdId IS UNIQUE;
CREATE CONSTRAINT match_id_unique IF NOT EXISTS FOR (m:Match) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT notification_id_unique IF NOT EXISTS FOR (n:Notification) REQUIRE n.id IS UNIQUE;

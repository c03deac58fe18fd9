// Applications for support: one node per id, which the loader and any import merge on.
CREATE CONSTRAINT application_id_unique IF NOT EXISTS FOR (a:Application) REQUIRE a.id IS UNIQUE;
// Waiting figures: the applications submitted in a period, found by a range seek on the submission date.
CREATE RANGE INDEX application_submitted_index IF NOT EXISTS FOR (a:Application) ON (a.submittedOn);

// The neighbourhood statistics, counted once a month: one count per neighbourhood and month, keyed 'BU…/2026-12'.
CREATE CONSTRAINT neighbourhood_count_key_unique IF NOT EXISTS FOR (c:NeighbourhoodCount) REQUIRE c.key IS UNIQUE;

// The web app's sessions, found by the SHA-256 of their id, and removed by age; and the failed sign-ins counted per
// account name and client address (both as SHA-256), found by that key and forgotten by age.
CREATE CONSTRAINT session_id_hash_unique IF NOT EXISTS
FOR (s:Session) REQUIRE s.idHash IS UNIQUE;
CREATE RANGE INDEX session_last_seen_index IF NOT EXISTS FOR (s:Session) ON (s.lastSeen);
CREATE CONSTRAINT sign_in_throttle_key_unique IF NOT EXISTS
FOR (t:SignInThrottle) REQUIRE t.key IS UNIQUE;
CREATE RANGE INDEX sign_in_throttle_last_failure_index IF NOT EXISTS FOR (t:SignInThrottle) ON (t.lastFailure);

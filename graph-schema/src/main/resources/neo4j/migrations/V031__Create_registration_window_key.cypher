// The volunteer sign-up limit, counted in the database: one window per client (the SHA-256 of its address) and hour,
// found by its key, and the hourly removal of the windows whose hour has passed.
CREATE CONSTRAINT registration_window_key_unique IF NOT EXISTS
FOR (w:RegistrationWindow) REQUIRE w.key IS UNIQUE;
CREATE RANGE INDEX registration_window_until_index IF NOT EXISTS FOR (w:RegistrationWindow) ON (w.until);

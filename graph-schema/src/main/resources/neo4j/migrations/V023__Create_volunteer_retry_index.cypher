// A retried volunteer sign-up finds the registration its first call made by the hash of its key and the person.
CREATE RANGE INDEX volunteer_registration_retry_hash_index IF NOT EXISTS FOR (r:VolunteerRegistration) ON (r.retryHash);

// Volunteer self-registration: a registration by id, and by the hash of its confirmation or personal link.
CREATE CONSTRAINT volunteer_registration_id_unique IF NOT EXISTS
FOR (r:VolunteerRegistration) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT volunteer_confirmation_hash_unique IF NOT EXISTS
FOR (r:VolunteerRegistration) REQUIRE r.confirmationHash IS UNIQUE;
CREATE CONSTRAINT volunteer_personal_hash_unique IF NOT EXISTS
FOR (r:VolunteerRegistration) REQUIRE r.personalHash IS UNIQUE;
// The nightly removal of unconfirmed registrations whose link expired.
CREATE RANGE INDEX volunteer_confirm_before_index IF NOT EXISTS FOR (r:VolunteerRegistration) ON (r.confirmBefore);
// A postcode's neighbourhood, from the households there.
CREATE RANGE INDEX household_postcode_index IF NOT EXISTS FOR (h:Household) ON (h.postcode);

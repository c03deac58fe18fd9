// Confirmation links that could not be mailed were kept in clear for the administrator. Only their hash is kept now:
// the clear link goes, and the registration is marked for an administrator to issue a new link.
MATCH (r:VolunteerRegistration) WHERE r.confirmationLink IS NOT NULL
SET r.confirmationNotMailed = true
REMOVE r.confirmationLink;

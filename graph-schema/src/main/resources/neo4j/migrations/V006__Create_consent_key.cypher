// Consents: a resident's permission for a professional or an organisation to share their information.
CREATE CONSTRAINT consent_id_unique IF NOT EXISTS FOR (c:Consent) REQUIRE c.id IS UNIQUE;

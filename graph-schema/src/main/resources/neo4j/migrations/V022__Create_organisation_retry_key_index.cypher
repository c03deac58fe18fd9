// An administrator's retried createOrganisation finds the organisation its first call made by the key it chose.
CREATE RANGE INDEX organisation_client_mutation_id_index IF NOT EXISTS FOR (o:Organisation) ON (o.clientMutationId);

// A professional's retried registerInvolvement finds the involvement its first call made by the key it chose, without
// reading every involvement the professional ever registered.
CREATE RANGE INDEX involvement_client_mutation_id_index IF NOT EXISTS FOR (i:Involvement) ON (i.clientMutationId);

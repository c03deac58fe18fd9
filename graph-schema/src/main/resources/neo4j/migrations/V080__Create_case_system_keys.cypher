// Case systems name their professionals by the organisation's own employee reference, kept on the EMPLOYED_BY link;
// a bulk request looks a chunk of them up at once. Each done bulk item is remembered by organisation and key, so the
// same key again returns the first result.
CREATE RANGE INDEX employed_by_employee_reference_index IF NOT EXISTS
FOR ()-[e:EMPLOYED_BY]-() ON (e.employeeReference);
CREATE CONSTRAINT case_system_item_id_unique IF NOT EXISTS
FOR (i:CaseSystemItem) REQUIRE i.id IS UNIQUE;

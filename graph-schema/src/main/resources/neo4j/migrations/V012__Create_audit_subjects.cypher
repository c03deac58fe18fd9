// The residents an audit event is about, as nodes found by pseudonym: "$p IN e.subjects" cannot use an index, a
// lookup of the subject and its ABOUT relationships can. The list index it replaces served no query.
CREATE CONSTRAINT audit_subject_pseudonym_unique IF NOT EXISTS FOR (s:AuditSubject) REQUIRE s.pseudonym IS UNIQUE;
DROP INDEX audit_event_subjects_index IF EXISTS;

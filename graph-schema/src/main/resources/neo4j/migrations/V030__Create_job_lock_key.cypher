// A nightly job runs on one app instance of the cluster: each job has one lease, found by its name.
CREATE CONSTRAINT job_lock_name_unique IF NOT EXISTS
FOR (l:JobLock) REQUIRE l.name IS UNIQUE;

-- The intake queues the screenings one write recorded as one BullMQ job; each row names that job, so the reconciler
-- queues a lost group again under the same id (a job that still exists is not duplicated). NULL: the screening's own
-- job (screening-<id>), as before.
ALTER TABLE screenings ADD COLUMN job_id text;

-- The start an announced event had before its latest move to another date or time (NULL: never moved
-- since it was published). Pages mark such an event as rescheduled (schema.org EventRescheduled,
-- previousStartDate); the outbox, which also records the move, is purged after a few days.
ALTER TABLE event ADD COLUMN previous_starts_at_utc DATETIME(6) NULL;

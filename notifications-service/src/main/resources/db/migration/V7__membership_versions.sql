-- The group's membership version (Streams.groupMembers) at which each member joined, confirmed and
-- left, so that an announcement goes to the members the group had when it was published, whatever
-- the order in which the topics are read. A member who left keeps a row (without their name) until
-- the retention of left members; one removed or erased is deleted at once.
ALTER TABLE group_member
    ADD COLUMN joined_version    BIGINT NULL,
    ADD COLUMN confirmed_version BIGINT NULL,
    ADD COLUMN left_version      BIGINT NULL;

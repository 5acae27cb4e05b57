-- A delivery to a person who was erased keeps its status and counts, without their address.
ALTER TABLE delivery MODIFY email VARCHAR(320) NULL;

-- Erasures find a person's rows by address.
CREATE INDEX ix_delivery_email ON delivery (email);
CREATE INDEX ix_group_member_email ON group_member (email);
CREATE INDEX ix_event_attendee_email ON event_attendee (email);

-- Suppressions are looked up by the address's SHA-256, so an erased person's entry can drop the
-- address itself and still keep a dead mailbox from being written to again.
ALTER TABLE suppression ADD COLUMN email_sha256 CHAR(64) NULL;
UPDATE suppression SET email_sha256 = SHA2(email, 256);
ALTER TABLE suppression DROP PRIMARY KEY, MODIFY email VARCHAR(320) NULL, MODIFY email_sha256 CHAR(64) NOT NULL,
    ADD PRIMARY KEY (email_sha256);

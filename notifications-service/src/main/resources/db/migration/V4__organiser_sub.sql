-- Organisers are recognised by their token's sub (or, before they have an account, their verified email).
ALTER TABLE group_organiser ADD COLUMN sub VARCHAR(255) NULL;
CREATE INDEX ix_group_organiser_sub ON group_organiser (sub);
CREATE INDEX ix_group_organiser_email ON group_organiser (email);

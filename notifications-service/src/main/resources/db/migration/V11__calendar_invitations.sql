-- The recipient's answer as a calendar PARTSTAT (ACCEPTED, TENTATIVE, DECLINED; NULL: not answered),
-- written on the ATTENDEE line of their copy of an invitation.
ALTER TABLE delivery ADD COLUMN participation VARCHAR(16) NULL;

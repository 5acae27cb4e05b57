-- Who imported a member (the organiser's name, from MemberJoined), so that every email to them says so; NULL for
-- members who joined themselves. Copied onto each delivery like the recipient's name.
ALTER TABLE group_member ADD COLUMN imported_by VARCHAR(200) NULL;
ALTER TABLE delivery ADD COLUMN imported_by VARCHAR(200) NULL;

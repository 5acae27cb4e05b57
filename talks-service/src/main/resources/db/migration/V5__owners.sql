-- Authentication (issue 6): who owns what is the JWT subject (sub).

-- A speaker profile belongs to the account that created it, one profile per account. Profiles made
-- before accounts existed have no owner_sub: their owner is whoever signs in with their verified email.
ALTER TABLE speaker ADD COLUMN owner_sub VARCHAR(200) NULL AFTER id;
ALTER TABLE speaker ADD UNIQUE KEY uk_speaker_owner_sub (owner_sub);

-- Reviews and decisions record the acting organiser's sub beside the email other organisers see;
-- "one review per organiser" becomes one per sub. Existing reviews take the sub the read model knows
-- for their reviewer's email. The new key is added before the old one goes: the foreign key on
-- submission_id needs one of them at every moment.
ALTER TABLE review ADD COLUMN reviewer_sub VARCHAR(200) NULL AFTER reviewer;
UPDATE review r
    JOIN submission s ON s.id = r.submission_id
    JOIN group_organiser o ON o.group_id = s.group_id AND o.email = r.reviewer
SET r.reviewer_sub = o.sub
WHERE o.sub IS NOT NULL;
ALTER TABLE review ADD UNIQUE KEY uk_review_reviewer_sub (submission_id, reviewer_sub);
ALTER TABLE review DROP INDEX uk_review_reviewer;

ALTER TABLE submission ADD COLUMN decided_by_sub VARCHAR(200) NULL AFTER decided_by;

-- Speakers, submissions (with speakers, tags and revision history), reviews, calls for papers,
-- co-speaker invitations and materials. Text columns are utf8mb4_unicode_ci: VARCHAR lengths count
-- code points, and the FULLTEXT index matches "universite" with "Université".

CREATE TABLE speaker (
    id             CHAR(36)      NOT NULL PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    email          VARCHAR(320)  NULL,      -- NULL once the person asked to be erased
    affiliation    VARCHAR(300)  NULL,
    position_title VARCHAR(200)  NULL,
    bio            TEXT          NULL,
    site_url       VARCHAR(2000) NULL,
    github_url     VARCHAR(2000) NULL,
    slides_url     VARCHAR(2000) NULL,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    UNIQUE KEY uk_speaker_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- status is what speakers and the public see; staged_decision is the organisers' decision until
-- released (released_at set, status becomes ACCEPTED or REJECTED).
-- speakers_text: the speakers' names and affiliations, kept for the archive's FULLTEXT search.
CREATE TABLE submission (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    event_id         VARCHAR(64)  NULL,
    group_id         VARCHAR(64)  NULL,
    title            VARCHAR(300) NOT NULL,
    abstract_text    TEXT         NOT NULL,
    speakers_text    TEXT         NOT NULL,
    format           VARCHAR(20)  NOT NULL,
    duration_minutes INT          NOT NULL,
    language         VARCHAR(35)  NULL,
    level            VARCHAR(20)  NULL,
    notes            TEXT         NULL,
    status           VARCHAR(20)  NOT NULL,
    revision         INT          NOT NULL,
    staged_decision  VARCHAR(20)  NULL,
    decision_reason  TEXT         NULL,
    decided_by       VARCHAR(320) NULL,
    decided_at       DATETIME(6)  NULL,
    released_at      DATETIME(6)  NULL,
    submitted_at     DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    confirmed_at     DATETIME(6)  NULL,
    withdrawn_at     DATETIME(6)  NULL,
    KEY ix_submission_event (event_id, status),
    KEY ix_submission_group (group_id, status),
    KEY ix_submission_status (status),
    FULLTEXT KEY ft_submission_text (title, abstract_text, speakers_text)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE submission_speaker (
    submission_id CHAR(36)    NOT NULL,
    speaker_id    CHAR(36)    NOT NULL,
    seq           INT         NOT NULL,
    role          VARCHAR(20) NOT NULL,
    joined_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (submission_id, speaker_id),
    KEY ix_submission_speaker_speaker (speaker_id),
    CONSTRAINT fk_submission_speaker_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
    CONSTRAINT fk_submission_speaker_speaker FOREIGN KEY (speaker_id) REFERENCES speaker (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- No unique key on tag: under utf8mb4_unicode_ci "ML" and "ml" compare equal, and both may be given.
CREATE TABLE submission_tag (
    submission_id CHAR(36)    NOT NULL,
    seq           INT         NOT NULL,
    tag           VARCHAR(50) NOT NULL,
    PRIMARY KEY (submission_id, seq),
    KEY ix_submission_tag_tag (tag),
    CONSTRAINT fk_submission_tag_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every version of a submission's content: revision 0 as submitted, n after the n-th edit.
CREATE TABLE submission_revision (
    submission_id    CHAR(36)     NOT NULL,
    revision         INT          NOT NULL,
    title            VARCHAR(300) NOT NULL,
    abstract_text    TEXT         NOT NULL,
    format           VARCHAR(20)  NOT NULL,
    duration_minutes INT          NOT NULL,
    language         VARCHAR(35)  NULL,
    level            VARCHAR(20)  NULL,
    tags             TEXT         NOT NULL, -- JSON array
    notes            TEXT         NULL,
    revised_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (submission_id, revision),
    CONSTRAINT fk_submission_revision_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One review per organiser and submission: the unique key is what refuses a second one (409).
CREATE TABLE review (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    submission_id CHAR(36)     NOT NULL,
    reviewer      VARCHAR(320) NOT NULL,
    score         TINYINT      NOT NULL,
    comment       TEXT         NULL,
    created_at    DATETIME(6)  NOT NULL,
    UNIQUE KEY uk_review_reviewer (submission_id, reviewer),
    CONSTRAINT fk_review_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A call for papers targets one event or one group's open call.
CREATE TABLE call_for_papers (
    target_type VARCHAR(10) NOT NULL, -- EVENT or GROUP
    target_id   VARCHAR(64) NOT NULL, -- the event id or the group id
    opens_at    DATETIME(6) NOT NULL,
    closes_at   DATETIME(6) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (target_type, target_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE invitation (
    id                    CHAR(36)     NOT NULL PRIMARY KEY,
    submission_id         CHAR(36)     NOT NULL,
    email                 VARCHAR(320) NULL, -- NULL once the invitee asked to be erased
    invited_by_speaker_id CHAR(36)     NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    expires_at            DATETIME(6)  NOT NULL,
    created_at            DATETIME(6)  NOT NULL,
    accepted_at           DATETIME(6)  NULL,
    accepted_speaker_id   CHAR(36)     NULL,
    KEY ix_invitation_submission (submission_id),
    KEY ix_invitation_email (email),
    CONSTRAINT fk_invitation_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE talk_materials (
    submission_id   CHAR(36)      NOT NULL PRIMARY KEY,
    slides_url      VARCHAR(2000) NULL,
    video_url       VARCHAR(2000) NULL,
    code_url        VARCHAR(2000) NULL,
    references_json MEDIUMTEXT    NOT NULL, -- JSON array of {title, url}
    published_at    DATETIME(6)   NOT NULL,
    CONSTRAINT fk_talk_materials_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

package dev.podium.talks.submission;

/** What speakers and the public see of a submission (a staged decision is not visible yet). */
public enum SubmissionStatus {
    SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN, CONFIRMED;

    /** Accepted talks are public: the archive lists them. */
    public boolean isPublic() {
        return this == ACCEPTED || this == CONFIRMED;
    }
}

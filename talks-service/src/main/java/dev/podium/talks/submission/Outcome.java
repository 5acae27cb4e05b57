package dev.podium.talks.submission;

/** An organisers' decision on a submission. */
public enum Outcome {
    ACCEPTED, REJECTED;

    SubmissionStatus status() {
        return this == ACCEPTED ? SubmissionStatus.ACCEPTED : SubmissionStatus.REJECTED;
    }
}

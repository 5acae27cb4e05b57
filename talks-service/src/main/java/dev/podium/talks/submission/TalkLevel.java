package dev.podium.talks.submission;

/** The audience a talk is for. */
public enum TalkLevel {
    BEGINNER, INTERMEDIATE, ADVANCED;

    public static final String PATTERN = "BEGINNER|INTERMEDIATE|ADVANCED";
}

package dev.podium.talks.submission;

/** Limits of a submission's fields, in Unicode code points. */
final class Limits {

    static final int TITLE = 300;
    static final int ABSTRACT = 10_000;
    static final int NOTES = 5_000;
    static final int TAGS = 20;
    static final int TAG = 50;
    static final String LANGUAGE = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*";
    static final String LANGUAGE_MESSAGE = "must be a language tag such as en, fr or pt-BR";
    static final String FORMAT_MESSAGE = "must be one of TALK, LIGHTNING, KEYNOTE, PRACTICAL, WORKSHOP";
    static final String LEVEL_MESSAGE = "must be one of BEGINNER, INTERMEDIATE, ADVANCED";

    private Limits() {
    }
}

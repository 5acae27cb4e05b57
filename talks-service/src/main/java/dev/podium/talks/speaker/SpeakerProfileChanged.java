package dev.podium.talks.speaker;

/**
 * Published (synchronously, inside the transaction) when a speaker's name or affiliation may have
 * changed, so the talks they give can refresh what the archive searches.
 */
public record SpeakerProfileChanged(String speakerId) {
}

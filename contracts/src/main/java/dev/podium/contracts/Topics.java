package dev.podium.contracts;

import java.util.List;

/**
 * Kafka topic names. Every record is keyed by its message's {@link PodiumMessage#subject()}:
 *
 * <table>
 *   <caption>Topics and their keys</caption>
 *   <tr><th>Topic</th><th>Producer</th><th>Key</th></tr>
 *   <tr><td>{@value #GROUPS}</td><td>events-service</td><td>groupId</td></tr>
 *   <tr><td>{@value #EVENTS}</td><td>events-service</td><td>eventId</td></tr>
 *   <tr><td>{@value #REGISTRATIONS}</td><td>events-service</td><td>eventId (one event's RSVPs stay in order)</td></tr>
 *   <tr><td>{@value #PEOPLE}</td><td>events-service</td><td>erasureId</td></tr>
 *   <tr><td>{@value #SUBMISSIONS}</td><td>talks-service</td><td>submissionId</td></tr>
 *   <tr><td>{@value #SUBSCRIPTIONS}</td><td>notifications-service</td><td>unsubscriptionId</td></tr>
 *   <tr><td>{@value #CALENDAR_REPLIES}</td><td>notifications-service</td><td>eventId (one event's answers stay in order)</td></tr>
 * </table>
 */
public final class Topics {

    public static final String GROUPS = "podium.events.group.v1";
    public static final String EVENTS = "podium.events.event.v1";
    public static final String REGISTRATIONS = "podium.events.registration.v1";
    public static final String PEOPLE = "podium.events.person.v1";
    public static final String SUBMISSIONS = "podium.talks.submission.v1";
    public static final String SUBSCRIPTIONS = "podium.notifications.subscription.v1";
    public static final String CALENDAR_REPLIES = "podium.notifications.calendar-reply.v1";

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /** The dead-letter topic where consumers of {@code topic} park messages they cannot process. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    public static List<String> all() {
        return List.of(GROUPS, EVENTS, REGISTRATIONS, PEOPLE, SUBMISSIONS, SUBSCRIPTIONS, CALENDAR_REPLIES);
    }
}

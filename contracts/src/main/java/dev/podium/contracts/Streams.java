package dev.podium.contracts;

/**
 * The streams of changes whose versions messages carry (see {@link Causality}), named the same by
 * the producer that raises them and the consumers that wait for them.
 *
 * <table>
 *   <caption>Streams</caption>
 *   <tr><th>Stream</th><th>Raised by</th><th>Carried on</th></tr>
 *   <tr><td>{@code group-members/<groupId>}</td><td>every membership change of the group (created, organiser added,
 *       member joined, confirmed, left)</td><td>{@value Topics#GROUPS}, keyed by the group</td></tr>
 *   <tr><td>{@code event-registrations/<eventId>}</td><td>every RSVP change of the event (confirmed, waitlisted,
 *       promoted, cancelled)</td><td>{@value Topics#REGISTRATIONS}, keyed by the event</td></tr>
 * </table>
 */
public final class Streams {

    private static final String GROUP_MEMBERS = "group-members/";
    private static final String EVENT_REGISTRATIONS = "event-registrations/";

    private Streams() {
    }

    public static String groupMembers(String groupId) {
        return GROUP_MEMBERS + groupId;
    }

    public static String eventRegistrations(String eventId) {
        return EVENT_REGISTRATIONS + eventId;
    }

    /** The topic whose messages change {@code stream}, or null for a stream this version does not know. */
    public static String topicOf(String stream) {
        if (stream.startsWith(GROUP_MEMBERS)) {
            return Topics.GROUPS;
        }
        if (stream.startsWith(EVENT_REGISTRATIONS)) {
            return Topics.REGISTRATIONS;
        }
        return null;
    }
}

package dev.podium.notifications.trigger;

/** The names notifications-service's consumers record processed and deferred messages under. */
public final class ConsumerNames {

    public static final String GROUPS = "notifications.groups";
    public static final String EVENTS = "notifications.events";
    public static final String REGISTRATIONS = "notifications.registrations";
    public static final String PEOPLE = "notifications.people";
    public static final String SUBMISSIONS = "notifications.submissions";

    private ConsumerNames() {
    }
}

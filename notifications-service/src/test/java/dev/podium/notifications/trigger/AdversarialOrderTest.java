package dev.podium.notifications.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCatalog;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.Streams;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.CancelledBy;
import dev.podium.contracts.events.ChangeKind;
import dev.podium.contracts.events.EventCancelled;
import dev.podium.contracts.events.EventCreated;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.EventUpdated;
import dev.podium.contracts.events.LeaveReason;
import dev.podium.contracts.events.MemberConfirmed;
import dev.podium.contracts.events.MemberJoined;
import dev.podium.contracts.events.MemberLeft;
import dev.podium.contracts.events.MembershipSource;
import dev.podium.contracts.events.RegistrationCancelled;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationPromoted;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.contracts.events.RegistrationWaitlisted;
import dev.podium.messaging.inbox.DeferredRetry;
import dev.podium.messaging.inbox.InboxConsumer;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.notifications.Fixtures;
import dev.podium.persistence.Sql;
import dev.podium.testsupport.ProducerVersions;
import dev.podium.testsupport.ProducerVersions.Outgoing;
import dev.podium.testsupport.RealServers;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A small community's life (members joining, confirming and leaving, a publication, RSVPs with a
 * waitlist, a move, a cancellation) delivered to notifications-service's consumers in hundreds of
 * adversarial orders: a seeded random interleaving of the three topics that keeps each key's order,
 * as Kafka does. Each order must give exactly the emails and the read model of the natural order.
 * Sending is off, so the deliveries stay as recorded.
 */
@MicronautTest(transactional = false)
@Property(name = "podium.mail.sending", value = "false")
@Property(name = "podium.inbox.deferred-max-backoff", value = "1ms")
class AdversarialOrderTest implements RealServers {

    private static final long SEED = 20261207L;
    private static final int ORDERS = 200;
    private static final Instant AT = Instant.parse("2029-02-01T10:00:00Z");

    @Inject
    MessageInbox inbox;
    @Inject
    DeferredRetry retry;
    @Inject
    MessageCodec codec;
    @Inject
    Sql sql;

    @Test
    void everyOrderOfTheTopicsGivesTheEmailsAndTheReadModelOfTheNaturalOrder() {
        List<String> natural = play(new Scenario(), null);
        assertThat(natural).as("the scenario's own emails").contains(
                "notification ANNOUNCEMENT announcement:EVENT -> ada PENDING, bea PENDING, chloe PENDING",
                "notification EVENT_CANCELLATION cancellation:EVENT -> ada PENDING, chloe PENDING, fanny PENDING");
        Random random = new Random(SEED);
        for (int run = 1; run <= ORDERS; run++) {
            Scenario scenario = new Scenario();
            List<String> shuffled = play(scenario, new Random(random.nextLong()));
            assertThat(shuffled).as("order %d (seed %d): %s", run, SEED, scenario.delivered).isEqualTo(natural);
        }
    }

    /** Delivers the scenario (in its natural order when {@code random} is null) and describes what it left. */
    private List<String> play(Scenario scenario, Random random) {
        List<Deque<Sent>> byTopic = new ArrayList<>();
        for (String topic : List.of("group", "event", "registrations")) {
            byTopic.add(new ArrayDeque<>(scenario.sent.stream().filter(sent -> sent.topic().equals(topic)).toList()));
        }
        List<Sent> order = new ArrayList<>();
        if (random == null) {
            order.addAll(scenario.sent);
        } else {
            while (byTopic.stream().anyMatch(queue -> !queue.isEmpty())) {
                List<Deque<Sent>> left = byTopic.stream().filter(queue -> !queue.isEmpty()).toList();
                order.add(left.get(random.nextInt(left.size())).poll());
            }
        }
        for (Sent sent : order) {
            scenario.delivered.add(sent.label());
            consumer(sent.consumer()).receive(sent.record());
        }
        // The scheduled retry may hold a row at the same moment (SKIP LOCKED): go on until none waits.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            retry.retryDue();
            return waiting(scenario) == 0;
        });
        List<String> state = describe(scenario);
        forget(scenario);
        return state;
    }

    private InboxConsumer consumer(String name) {
        return inbox.declared(name).orElseThrow();
    }

    private long waiting(Scenario scenario) {
        return sql.count("SELECT COUNT(*) FROM deferred_message WHERE message_key IN (?, ?)", scenario.groupId, scenario.eventId);
    }

    private List<String> describe(Scenario scenario) {
        List<String> lines = new ArrayList<>();
        lines.addAll(sql.list("SELECT n.kind, n.trigger_key, GROUP_CONCAT(CONCAT(d.email, ' ', d.status) ORDER BY d.email SEPARATOR ', ')"
                        + " FROM notification n JOIN delivery d ON d.notification_id = n.id WHERE n.group_id = ? OR n.event_id = ?"
                        + " GROUP BY n.id, n.kind, n.trigger_key",
                row -> "notification " + row.getString(1) + " " + row.getString(2) + " -> " + row.getString(3),
                scenario.groupId, scenario.eventId));
        lines.addAll(sql.list("SELECT email, confirmed, joined_version, confirmed_version, left_version FROM group_member WHERE group_id = ?",
                row -> "member " + row.getString(1) + " confirmed=" + row.getBoolean(2) + " joined@" + row.getString(3)
                        + " confirmed@" + row.getString(4) + " left@" + row.getString(5), scenario.groupId));
        lines.addAll(sql.list("SELECT email, name FROM group_organiser WHERE group_id = ?",
                row -> "organiser " + row.getString(1) + " " + row.getString(2), scenario.groupId));
        lines.addAll(sql.list("SELECT email, status FROM event_attendee WHERE event_id = ?",
                row -> "attendee " + row.getString(1) + " " + row.getString(2), scenario.eventId));
        lines.addAll(sql.list("SELECT status, announced FROM known_event WHERE event_id = ?",
                row -> "event " + row.getString(1) + " announced=" + row.getBoolean(2), scenario.eventId));
        lines.add("reminders " + sql.count("SELECT COUNT(*) FROM reminder WHERE event_id = ?", scenario.eventId));
        lines.add("pending updates " + sql.count("SELECT COUNT(*) FROM pending_update WHERE event_id = ?", scenario.eventId));
        lines.addAll(sql.list("SELECT stream, version FROM stream_watermark WHERE stream IN (?, ?)",
                row -> "watermark " + row.getString(1) + "@" + row.getLong(2),
                Streams.groupMembers(scenario.groupId), Streams.eventRegistrations(scenario.eventId)));
        return lines.stream().map(scenario::normalise).sorted(Comparator.naturalOrder()).toList();
    }

    /** The run's deliveries go, so that no other test's replica sends them later. */
    private void forget(Scenario scenario) {
        sql.update("DELETE FROM delivery WHERE notification_id IN (SELECT id FROM notification WHERE group_id = ? OR event_id = ?)",
                scenario.groupId, scenario.eventId);
    }

    private record Sent(String topic, String consumer, String label, ConsumerRecord<String, String> record) {
    }

    /** The messages events-service writes for one run, with ids and addresses of the run's own. */
    private final class Scenario {

        final String run = "r" + UUID.randomUUID().toString().substring(0, 8);
        final String groupId = UUID.randomUUID().toString();
        final String eventId = UUID.randomUUID().toString();
        final Map<String, String> names = new LinkedHashMap<>();
        final List<Sent> sent = new ArrayList<>();
        final List<String> delivered = new ArrayList<>();
        private final ProducerVersions producer = new ProducerVersions();
        private final String members = Streams.groupMembers(groupId);
        private final String registrations = Streams.eventRegistrations(eventId);
        private long offset;

        Scenario() {
            names.put(groupId, "GROUP");
            names.put(eventId, "EVENT");
            EventSnapshot event = Fixtures.meetup13(eventId, groupId, List.of(email("olivier"), email("arthur"), email("diogo")));
            EventSnapshot moved = Fixtures.event(eventId, groupId, event.title(), "2029-03-07T20:00", "2029-03-07T23:00", 2, event.agenda());

            group(producer.change(Fixtures.group(groupId, "fr", email("orla")), members), "group created");
            member("ada", true, "ada joins (imported)");
            String bea = member("bea", true, "bea joins (imported)");
            String chloe = member("chloe", false, "chloe joins, pending");
            group(producer.change(new MemberConfirmed(groupId, "paris-dl", chloe, email("chloe"), AT), members), "chloe confirms");
            String dan = member("dan", true, "dan joins");
            group(producer.change(new MemberLeft(groupId, "paris-dl", dan, email("dan"), LeaveReason.LEFT, AT), members), "dan leaves");
            event(producer.after(new EventCreated(event)), "event created");
            event(producer.after(new EventPublished(event, AT), members), "event published");
            member("fanny", true, "fanny joins after the publication");
            group(producer.change(new MemberLeft(groupId, "paris-dl", bea, email("bea"), LeaveReason.LEFT, AT), members),
                    "bea leaves after the publication");
            String adaRsvp = id("rsvp-ada");
            rsvp(new RegistrationConfirmed(registration(adaRsvp, "ada", "CONFIRMED", null), ref(event)), "ada RSVPs");
            rsvp(new RegistrationConfirmed(registration(id("rsvp-chloe"), "chloe", "CONFIRMED", null), ref(event)), "chloe RSVPs");
            String fannyRsvp = id("rsvp-fanny");
            rsvp(new RegistrationWaitlisted(registration(fannyRsvp, "fanny", "WAITLISTED", 1), ref(event)), "fanny waitlisted");
            rsvp(new RegistrationCancelled(registration(adaRsvp, "ada", "CANCELLED", null), ref(event), CancelledBy.ATTENDEE),
                    "ada cancels");
            rsvp(new RegistrationPromoted(registration(fannyRsvp, "fanny", "CONFIRMED", null), ref(event)), "fanny promoted");
            event(producer.after(new EventUpdated(moved, event, List.of(ChangeKind.TIME), AT), registrations), "moved by an hour");
            event(producer.after(new EventCancelled(moved, "Venue unavailable", AT), members, registrations), "cancelled");
        }

        private String member(String who, boolean confirmed, String label) {
            MemberJoined joined = new MemberJoined(groupId, "paris-dl", "Paris Deep Learning", "fr", id(who + "-id"), "Membre " + who,
                    email(who), confirmed ? MembershipSource.IMPORTED : MembershipSource.JOINED, confirmed,
                    confirmed ? null : "https://events.podium.example/members/confirm?token=abc", AT,
                    confirmed ? "Loïc Dupré" : null);
            group(producer.change(joined, members), label);
            return joined.memberId();
        }

        private RegistrationSnapshot registration(String id, String who, String status, Integer position) {
            return new RegistrationSnapshot(id, eventId, new PersonRef(null, "Membre " + who, email(who)), status, AT, position,
                    "https://events.podium.example/events/" + eventId + "/registrations/" + id + "?token=t");
        }

        private EventRef ref(EventSnapshot event) {
            return new EventRef(eventId, groupId, event.groupSlug(), event.groupName(), event.language(), event.number(), event.title(),
                    event.status(), event.startsAt(), event.endsAt(), event.timeZone(), event.startsAtUtc(), event.endsAtUtc(),
                    event.venue(), event.sequence(), event.url());
        }

        private void group(Outgoing outgoing, String label) {
            add("group", ConsumerNames.GROUPS, outgoing, label);
        }

        private void event(Outgoing outgoing, String label) {
            add("event", ConsumerNames.EVENTS, outgoing, label);
        }

        private void rsvp(PodiumMessage message, String label) {
            add("registrations", ConsumerNames.REGISTRATIONS, producer.change(message, registrations), label);
        }

        private void add(String topic, String consumer, Outgoing outgoing, String label) {
            String messageId = UUID.randomUUID().toString();
            names.put(messageId, "M" + sent.size());
            String payload = codec.encode(outgoing.message(), "/podium/events-service", UUID.fromString(messageId), AT,
                    outgoing.causality());
            sent.add(new Sent(topic, consumer, label, new ConsumerRecord<>(MessageCatalog.byClass(outgoing.message().getClass()).topic(),
                    0, offset++, outgoing.message().subject(), payload)));
        }

        private String id(String role) {
            String id = UUID.randomUUID().toString();
            names.put(id, role.toUpperCase());
            return id;
        }

        private String email(String who) {
            return who + "." + run + "@example.org";
        }

        String normalise(String line) {
            String result = line.replace("." + run + "@example.org", "");
            for (Map.Entry<String, String> name : names.entrySet()) {
                result = result.replace(name.getKey(), name.getValue());
            }
            return result;
        }
    }
}

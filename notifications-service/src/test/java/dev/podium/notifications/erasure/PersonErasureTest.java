package dev.podium.notifications.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.PersonErased;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.contracts.Topics;
import dev.podium.contracts.notifications.MemberUnsubscribed;
import dev.podium.messaging.outbox.Outbox;
import dev.podium.messaging.outbox.OutboxSweep;
import dev.podium.contracts.events.OrganiserAdded;
import dev.podium.notifications.audience.Recipient;
import dev.podium.testsupport.TopicReader;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import dev.podium.notifications.Fixtures;
import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.audience.KnownEvents;
import dev.podium.notifications.unsubscribe.UnsubscribeTokens;
import dev.podium.persistence.Sql;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.Tokens;
import dev.podium.testsupport.TopicWriter;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * PersonErased: the address is gone from every table of this service, including deliveries already
 * sent (which keep their status, so the counts stay true) and the MemberUnsubscribed messages the
 * outbox already published; the suppression list keeps only a hash, and still suppresses.
 */
@MicronautTest(transactional = false)
class PersonErasureTest implements RealServers {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    MessageCodec codec;

    @Inject
    Sql sql;

    @Inject
    Audience audience;

    @Inject
    KnownEvents knownEvents;

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Outbox outbox;

    @Inject
    OutboxSweep sweep;

    @Inject
    PersonErasure erasure;

    @Inject
    TransactionOperations<Connection> transactions;

    private final MailTestServer mail = TestServers.mail();
    private final Identity organiser = Fixtures.person("orla");

    @Test
    @SuppressWarnings("unchecked")
    void sentDeliveriesAreAnonymisedAndEverythingElseThatNamesTheAddressIsGone() {
        String groupId = UUID.randomUUID().toString();
        String erased = Fixtures.address("erased");
        String staying = Fixtures.address("staying");
        TopicWriter.publish(codec, Fixtures.group(groupId, "en", organiser));
        TopicWriter.publish(codec, Fixtures.member(groupId, erased, true));
        TopicWriter.publish(codec, Fixtures.member(groupId, staying, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> audience.members(groupId).size() == 2);
        // They speak at the event, are a member told of it, and RSVPed to it.
        EventSnapshot event = Fixtures.meetup13(UUID.randomUUID().toString(), groupId,
                List.of(erased, Fixtures.address("s2"), Fixtures.address("s3")));
        TopicWriter.publish(codec, new EventPublished(event, Instant.now()));
        TopicWriter.publish(codec, new RegistrationConfirmed(new RegistrationSnapshot(UUID.randomUUID().toString(), event.eventId(),
                new PersonRef(null, "Erin Erased", erased), "CONFIRMED", Instant.now(), null,
                "https://events.podium.example/registrations/r1?token=signed"), ref(event)));
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(erased).size() == 3 && mail.messagesTo(staying).size() == 1);
        String announcement = notification(event, "ANNOUNCEMENT");
        String rsvp = notification(event, "REGISTRATION_CONFIRMED");
        String slot = sql.one("SELECT d.notification_id FROM delivery d JOIN notification n ON n.id = d.notification_id "
                + "WHERE n.kind = 'SPEAKER_SLOT' AND d.email = ?", row -> row.getString(1), erased).orElseThrow();
        // Their slot email died for want of a server; later their mailbox bounced for good; they unsubscribed.
        sql.update("UPDATE delivery SET status = 'DEAD', sent_at = NULL WHERE notification_id = ?", slot);
        sql.update("INSERT INTO suppression (email_sha256, email, reason, created_at) VALUES (SHA2(?, 256), ?, ?, ?)",
                erased, erased, "550 5.1.1 <" + erased + ">: mailbox unavailable", Instant.now());
        http.toBlocking().exchange(HttpRequest.POST("/unsubscribe?token=" + tokens.issue(groupId, erased), "List-Unsubscribe=One-Click")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count(
                "SELECT COUNT(*) FROM outbox WHERE payload LIKE ? AND published_at IS NOT NULL", "%" + erased + "%") == 1);

        TopicWriter.publish(codec, new PersonErased(UUID.randomUUID().toString(), erased.toUpperCase(Locale.ROOT), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count("SELECT COUNT(*) FROM outbox WHERE payload LIKE ?", "%" + erased + "%") == 0);

        for (String table : List.of("group_member", "group_organiser", "event_attendee", "delivery", "unsubscription", "suppression")) {
            assertThat(sql.count("SELECT COUNT(*) FROM " + table + " WHERE email = ?", erased)).as(table).isZero();
        }
        for (String[] column : List.of(new String[] {"known_event", "snapshot"}, new String[] {"notification", "model"},
                new String[] {"delivery", "last_error"}, new String[] {"suppression", "reason"})) {
            assertThat(sql.count("SELECT COUNT(*) FROM " + column[0] + " WHERE " + column[1] + " LIKE ?", "%" + erased + "%"))
                    .as(column[0] + "." + column[1]).isZero();
        }

        Map<String, Object> counts = (Map<String, Object>) get("/notifications/" + announcement).get("deliveries");
        assertThat(counts).as("the announcement still went to two members").containsEntry("SENT", 2);
        List<Map<String, Object>> deliveries = (List<Map<String, Object>>) get("/notifications/" + announcement + "/deliveries").get("items");
        assertThat(deliveries).extracting(delivery -> delivery.get("email"), delivery -> delivery.get("erased"))
                .containsExactlyInAnyOrder(tuple(staying, false), tuple(null, true));
        assertThat(sql.one("SELECT CONCAT_WS('|', status, COALESCE(name, '-'), COALESCE(manage_url, '-')) FROM delivery WHERE notification_id = ?",
                row -> row.getString(1), rsvp)).as("their RSVP email: sent, to nobody one can name").contains("SENT|-|-");
        assertThat(sql.one("SELECT model FROM notification WHERE id = ?", row -> row.getString(1), rsvp))
                .as("what was written to them alone").contains("{}");
        assertThat(sql.count("SELECT COUNT(*) FROM delivery WHERE notification_id = ?", slot)).as("an unsent delivery is dropped").isZero();

        assertThat(audience.isSuppressed(erased)).as("the dead mailbox stays suppressed, by its hash").isTrue();
        assertThat(sql.one("SELECT reason FROM suppression WHERE email_sha256 = SHA2(?, 256)", row -> row.getString(1), erased))
                .contains("erased");
        EventSnapshot remembered = knownEvents.find(event.eventId()).orElseThrow();
        List<SpeakerRef> speakers = remembered.agenda().get(0).speakers();
        assertThat(speakers).extracting(SpeakerRef::email).containsOnlyNulls();
        assertThat(speakers).extracting(SpeakerRef::name).isEqualTo(event.agenda().get(0).speakers().stream().map(SpeakerRef::name).toList());
        assertThat(remembered.startsAtUtc()).isEqualTo(event.startsAtUtc());
        assertThat(sql.count("SELECT COUNT(*) FROM delivery WHERE email = ?", staying)).as("nobody else is touched").isEqualTo(1);
    }

    @Test
    void anErasedOrganisersNameLeavesTheMembersTheyImportedButNotAnotherOrganisersImports() {
        String groupId = UUID.randomUUID().toString();
        Identity other = Fixtures.person("otto");
        String byOrla = Fixtures.address("by-orla");
        String byOtto = Fixtures.address("by-otto");
        TopicWriter.publish(codec, Fixtures.group(groupId, "en", organiser));
        TopicWriter.publish(codec, new OrganiserAdded(groupId, "paris-dl", new PersonRef(other.sub(), other.name(), other.email()),
                Instant.now()));
        TopicWriter.publish(codec, Fixtures.imported(groupId, byOrla, organiser.name()));
        TopicWriter.publish(codec, Fixtures.imported(groupId, byOtto, other.name()));
        await().atMost(Duration.ofSeconds(30)).until(() -> audience.members(groupId).size() == 2);

        TopicWriter.publish(codec, new PersonErased(UUID.randomUUID().toString(), organiser.email(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count("SELECT COUNT(*) FROM group_organiser WHERE email = ?",
                organiser.email()) == 0);

        assertThat(audience.members(groupId)).extracting(Recipient::email, Recipient::importedBy)
                .containsExactlyInAnyOrder(tuple(byOrla, null), tuple(byOtto, other.name()));
    }

    @Test
    void onlyMessagesNamingExactlyTheAddressAreForgottenAndOnesNotRelayedYetStillReachEventsService() {
        String erased = Fixtures.address("exact");
        String lookAlike = "x" + erased;
        transactions.executeWrite(status -> outbox.append(unsubscribed(lookAlike)));
        transactions.executeWrite(status -> outbox.append(unsubscribed(erased)));
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL") == 0);

        String waitingId = UUID.randomUUID().toString();
        transactions.executeWrite(status -> {
            // An opt-out recorded in the transaction the erasure arrives in: not published yet.
            outbox.append(new MemberUnsubscribed(waitingId, null, erased, Instant.now()));
            erasure.on(new PersonErased(UUID.randomUUID().toString(), erased, Instant.now()));
            return null;
        });

        assertThat(outboxNaming(lookAlike)).as("x" + "a@b is not a@b").isEqualTo(1);
        try (TopicReader reader = TopicReader.fromBeginning(Topics.SUBSCRIPTIONS)) {
            assertThat(reader.await(record -> waitingId.equals(record.key()), 1, Duration.ofSeconds(30)))
                    .as("the opt-out waiting in the outbox still reaches events-service").hasSize(1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL") == 0);
        sweep.sweep();
        assertThat(outboxNaming(erased)).as("then it is forgotten too").isZero();
        assertThat(outboxNaming(lookAlike)).isEqualTo(1);
    }

    private long outboxNaming(String address) {
        return sql.count("SELECT COUNT(*) FROM outbox WHERE INSTR(payload, ?) > 0", '"' + address + '"');
    }

    private static MemberUnsubscribed unsubscribed(String address) {
        return new MemberUnsubscribed(UUID.randomUUID().toString(), null, address, Instant.now());
    }

    private String notification(EventSnapshot event, String kind) {
        return sql.one("SELECT id FROM notification WHERE event_id = ? AND kind = ?", row -> row.getString(1), event.eventId(), kind)
                .orElseThrow();
    }

    private Map<String, Object> get(String uri) {
        return http.toBlocking().retrieve(Tokens.as(organiser, HttpRequest.GET(uri)), JSON);
    }

    private static EventRef ref(EventSnapshot event) {
        return new EventRef(event.eventId(), event.groupId(), event.groupSlug(), event.groupName(), event.language(), event.number(),
                event.title(), event.status(), event.startsAt(), event.endsAt(), event.timeZone(), event.startsAtUtc(), event.endsAtUtc(),
                event.venue(), event.sequence(), event.url());
    }
}

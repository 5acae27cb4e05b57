package dev.podium.events.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.MemberLeft;
import dev.podium.contracts.events.PersonErased;
import dev.podium.contracts.events.RegistrationCancelled;
import dev.podium.devissuer.Identity;
import dev.podium.events.EventsApi;
import dev.podium.events.event.EventView;
import dev.podium.events.group.GroupView;
import dev.podium.events.group.MemberView;
import dev.podium.events.registration.RegistrationStatus;
import dev.podium.events.registration.RegistrationView;
import dev.podium.events.talks.AcceptedTalk;
import dev.podium.events.talks.AcceptedTalkRepository;
import dev.podium.messaging.outbox.OutboxSweep;
import dev.podium.persistence.Sql;
import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.Tokens;
import dev.podium.testsupport.TopicReader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The right to erasure: a deleted RSVP or membership keeps no name or address, a person erased by an
 * admin or by themself is forgotten everywhere in events-service, PersonErased tells the other
 * services, and the outbox keeps no message naming them once the relay has published what was pending.
 */
@MicronautTest(transactional = false)
class ErasureTest implements RealServers {

    private static final String PERSON_ERASED = "podium.events.PersonErased";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessageCodec codec;
    @Inject
    Sql sql;
    @Inject
    OutboxSweep purge;
    @Inject
    AcceptedTalkRepository talks;

    private final Identity admin = Identity.admin(EventsApi.unique("admin"));

    EventsApi api;

    /** The sweep runs when the test says, so that what it leaves behind can be looked at first. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.outbox.forget-sweep-interval", "1h");
        return properties;
    }

    @BeforeAll
    void api() {
        api = new EventsApi(client.toBlocking(), codec);
    }

    @Test
    void anAdminErasesAPersonEverywhereAndTheOutboxForgetsThem() {
        String erased = EventsApi.unique("xavier") + "@example.org";
        String kept = EventsApi.unique("yvonne") + "@example.org";
        GroupView group = api.createGroup(EventsApi.unique("erasure"), "Europe/Paris");
        client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST("/groups/" + group.slug() + "/organisers",
                Map.of("name", "Xavier", "email", erased))));
        EventView event = publishedEvent(group.slug(), 1);
        RegistrationView xavier = api.rsvp(event.id(), "Xavier Erased", erased).body();
        RegistrationView yvonne = api.rsvp(event.id(), "Yvonne Kept", kept).body();
        assertThat(yvonne.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        MemberView member = client.toBlocking().retrieve(HttpRequest.POST("/groups/" + group.slug() + "/members",
                Map.of("name", "Xavier Erased", "email", erased)), MemberView.class);
        String talkId = UUID.randomUUID().toString();
        talks.save(new AcceptedTalk(talkId, event.id(), "A talk", "An abstract", "TALK", 40,
                List.of(new SpeakerRef(UUID.randomUUID().toString(), "xavier-sub", "Xavier Erased", erased, "Somewhere")),
                "ACCEPTED", Instant.parse("2029-01-10T09:00:00Z")));
        awaitRelayed();
        assertThat(outboxTypesNaming(erased)).isNotEmpty();

        client.toBlocking().exchange(Tokens.as(admin, HttpRequest.POST("/erasures",
                Map.of("email", erased.toUpperCase(Locale.ROOT)))));

        RegistrationView rsvp = registration(xavier);
        assertThat(rsvp.name()).isNull();
        assertThat(rsvp.email()).isNull();
        assertThat(rsvp.status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(registration(yvonne).status()).as("the freed seat goes to the waitlist").isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registration(yvonne).name()).isEqualTo("Yvonne Kept");
        assertThat(sql.one("SELECT name, email, status FROM member WHERE id = ?",
                row -> row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3), member.id()))
                .hasValue("null|null|LEFT");
        GroupView seenByOrganiser = client.toBlocking().retrieve(api.asOrganiser(HttpRequest.GET("/groups/" + group.slug())), GroupView.class);
        assertThat(seenByOrganiser.organisers()).extracting(GroupView.OrganiserView::email).containsExactly(api.organiser().email());
        SpeakerRef speaker = talks.findById(talkId).orElseThrow().speakers().get(0);
        assertThat(speaker.email()).isNull();
        assertThat(speaker.name()).isEqualTo("Erased speaker");

        assertThat(personErased(erased).email()).isEqualTo(erased);
        assertThat(outboxTypesNaming(erased)).as("until it is relayed, the announcement is all that names them")
                .containsExactly(PERSON_ERASED);
        awaitRelayed();
        purge.sweep();
        assertThat(outboxTypesNaming(erased)).isEmpty();
        assertThat(outboxTypesNaming(kept)).as("others' messages stay").isNotEmpty();
    }

    @Test
    void aSignedInPersonErasesThemself() {
        Identity zoe = Identity.of(EventsApi.unique("zoe"));
        String zoesGroup = new EventsApi(client.toBlocking(), codec, zoe).createGroup(EventsApi.unique("zoe"), "Europe/Paris").slug();
        EventView event = publishedEvent(api.createGroup(EventsApi.unique("host"), "Europe/Paris").slug(), 10);
        RegistrationView rsvp = api.rsvp(event.id(), "Zoé", zoe.email()).body();

        client.toBlocking().exchange(Tokens.as(zoe, HttpRequest.DELETE("/people/me")));

        assertThat(registration(rsvp).email()).isNull();
        assertThat(registration(rsvp).status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(client.toBlocking().retrieve(Tokens.as(admin, HttpRequest.GET("/groups/" + zoesGroup)), GroupView.class)
                .organisers()).as("her group is left to the admins").isEmpty();
        ProblemResponse.of(() -> client.toBlocking().exchange(Tokens.as(zoe, HttpRequest.POST("/groups/" + zoesGroup + "/events",
                Map.of("title", "Too late"))))).assertProblem(403, "forbidden");
        assertThat(personErased(zoe.email()).email()).isEqualTo(zoe.email());
    }

    @Test
    void deletingAnRsvpOrAMembershipErasesItsRowAndTheMessagesAboutIt() {
        GroupView group = api.createGroup(EventsApi.unique("deleting"), "Europe/Paris");
        EventView event = publishedEvent(group.slug(), 10);
        String attendee = EventsApi.unique("wanda") + "@example.org";
        RegistrationView rsvp = api.rsvp(event.id(), "Wanda", attendee).body();
        String joiner = EventsApi.unique("victor") + "@example.org";
        MemberView member = client.toBlocking().retrieve(HttpRequest.POST("/groups/" + group.slug() + "/members",
                Map.of("name", "Victor", "email", joiner)), MemberView.class);
        awaitRelayed();

        RegistrationView cancelled = api.cancelRsvp(event.id(), rsvp.id());
        client.toBlocking().exchange(api.asOrganiser(HttpRequest.DELETE("/groups/" + group.slug() + "/members/" + member.id())));

        assertThat(cancelled.name()).isNull();
        assertThat(cancelled.email()).isNull();
        assertThat(sql.one("SELECT CONCAT_WS('|', status, name, email) FROM member WHERE id = ?", row -> row.getString(1), member.id()))
                .as("no name or address left").hasValue("LEFT");
        assertThat(outboxTypesNaming(rsvp.id())).containsExactly("podium.events.RegistrationCancelled");
        assertThat(outboxTypesNaming(member.id())).containsExactly("podium.events.MemberLeft");
        assertThat(api.rsvpMessage(RegistrationCancelled.class, event.id(), rsvp.id()).registration().attendee().email())
                .as("notifications-service still learns whom to tell").isEqualTo(attendee);
        assertThat(api.message(Topics.GROUPS, MemberLeft.class, group.id()).email()).isEqualTo(joiner);

        awaitRelayed();
        purge.sweep();
        assertThat(outboxTypesNaming(rsvp.id())).isEmpty();
        assertThat(outboxTypesNaming(attendee)).isEmpty();
        assertThat(outboxTypesNaming(member.id())).isEmpty();
        assertThat(outboxTypesNaming(joiner)).isEmpty();
    }

    private EventView publishedEvent(String groupSlug, int capacity) {
        return api.publish(api.draft(groupSlug, Map.of("title", "Meetup", "startsAt", "2029-03-07T19:00:00",
                "endsAt", "2029-03-07T22:00:00", "capacity", capacity)).id());
    }

    private RegistrationView registration(RegistrationView registration) {
        return client.toBlocking().retrieve(api.asOrganiser(HttpRequest.GET(
                "/events/" + registration.eventId() + "/registrations/" + registration.id())), RegistrationView.class);
    }

    private void awaitRelayed() {
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL") == 0);
    }

    /** The types of the outbox rows whose payload holds the value as a JSON string. */
    private List<String> outboxTypesNaming(String value) {
        return sql.list("SELECT type FROM outbox WHERE INSTR(payload, ?) > 0 ORDER BY seq", row -> row.getString(1), '"' + value + '"');
    }

    private PersonErased personErased(String email) {
        try (TopicReader reader = TopicReader.fromBeginning(Topics.PEOPLE)) {
            return reader.await(record -> decode(record.value()).data() instanceof PersonErased erased && erased.email().equals(email),
                            1, Duration.ofSeconds(30)).stream()
                    .map(record -> (PersonErased) decode(record.value()).data())
                    .findFirst().orElseThrow(() -> new AssertionError("no PersonErased for the address on " + Topics.PEOPLE));
        }
    }

    private DecodedMessage decode(String json) {
        return codec.decode(json);
    }
}

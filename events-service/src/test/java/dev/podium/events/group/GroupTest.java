package dev.podium.events.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.contracts.events.LeaveReason;
import dev.podium.contracts.events.MemberConfirmed;
import dev.podium.contracts.events.MemberJoined;
import dev.podium.contracts.events.MemberLeft;
import dev.podium.contracts.events.MembershipSource;
import dev.podium.contracts.events.OrganiserAdded;
import dev.podium.contracts.notifications.MemberUnsubscribed;
import dev.podium.devissuer.Identity;
import dev.podium.events.EventsApi;
import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class GroupTest implements RealServers {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessageCodec codec;

    EventsApi api;

    @BeforeAll
    void api() {
        api = new EventsApi(client.toBlocking(), codec);
    }

    @Test
    void createsAGroupWithOrganisersAndAnnouncesIt() {
        String slug = EventsApi.unique("paris-deep-learning");
        Identity emilie = new Identity("emilie-" + slug, "Émilie Dupont", slug + "@example.org", List.of());
        HttpResponse<GroupView> created = client.toBlocking().exchange(Tokens.as(emilie, HttpRequest.POST("/groups", Map.of(
                "slug", slug, "name", "Paris Deep Learning 🤖", "description", "Rencontres autour de l'apprentissage profond",
                "timeZone", "Europe/Paris", "language", "fr"))), GroupView.class);

        assertThat(created.code()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/groups/" + slug);
        GroupView group = client.toBlocking().retrieve("/groups/" + slug, GroupView.class);
        assertThat(group.name()).isEqualTo("Paris Deep Learning 🤖");
        assertThat(group.organisers()).as("the creator is the first organiser")
                .extracting(GroupView.OrganiserView::name).containsExactly("Émilie Dupont");
        assertThat(group.organisers()).as("no organiser's address for the public").extracting(GroupView.OrganiserView::email)
                .containsOnlyNulls();
        assertThat(client.toBlocking().retrieve(Tokens.as(emilie, HttpRequest.GET("/groups/" + slug)), GroupView.class).organisers())
                .extracting(GroupView.OrganiserView::email).containsExactly(slug + "@example.org");

        GroupCreated message = api.message(Topics.GROUPS, GroupCreated.class, group.id());
        assertThat(message.slug()).isEqualTo(slug);
        assertThat(message.organisers()).extracting(o -> o.email()).containsExactly(slug + "@example.org");
        assertThat(message.organisers()).extracting(o -> o.sub()).containsExactly(emilie.sub());

        client.toBlocking().exchange(Tokens.as(emilie, HttpRequest.POST("/groups/" + slug + "/organisers",
                Map.of("name", "Co Organiser", "email", "co-" + slug + "@example.org"))));
        OrganiserAdded added = api.message(Topics.GROUPS, OrganiserAdded.class, group.id());
        assertThat(added.organiser().name()).isEqualTo("Co Organiser");
        assertThat(added.organiser().email()).isEqualTo("co-" + slug + "@example.org");
        assertThat(added.organiser().sub()).as("added by address, before they had an account").isNull();
        ProblemResponse.of(() -> client.toBlocking().exchange(Tokens.as(emilie, HttpRequest.POST("/groups/" + slug + "/organisers",
                Map.of("name", "Co Organiser", "email", "co-" + slug + "@example.org"))))).assertProblem(409, "organiser-exists");
    }

    @Test
    void coOrganisersAreRecognisedBySubOrByTheirVerifiedAddress() {
        String slug = EventsApi.unique("co-orga");
        Identity byAddress = Identity.of(EventsApi.unique("by-address"));
        Identity bySub = new Identity(EventsApi.unique("by-sub"), "By Sub", EventsApi.unique("other-address") + "@example.org", List.of());
        Identity stranger = Identity.of(EventsApi.unique("stranger"));
        GroupView group = client.toBlocking().retrieve(api.asOrganiser(HttpRequest.POST("/groups", Map.of(
                "slug", slug, "name", "Co-organised", "timeZone", "Europe/Paris", "language", "en",
                "organisers", List.of(Map.of("name", "By Address", "email", byAddress.email()),
                        Map.of("name", "By Sub", "email", "registered-" + slug + "@example.org", "sub", bySub.sub()))))),
                GroupView.class);
        assertThat(group.organisers()).extracting(GroupView.OrganiserView::name)
                .containsExactly(api.organiser().name(), "By Address", "By Sub");
        assertThat(api.message(Topics.GROUPS, GroupCreated.class, group.id()).organisers()).extracting(o -> o.sub())
                .containsExactly(api.organiser().sub(), null, bySub.sub());

        String csv = "Someone,someone-" + slug + "@example.org";
        for (Identity organiser : List.of(byAddress, bySub)) {
            assertThat(client.toBlocking().exchange(Tokens.as(organiser, HttpRequest.POST("/groups/" + slug + "/members/import", csv)
                    .contentType("text/csv")), ImportReport.class).code()).isEqualTo(200);
        }
        ProblemResponse.of(() -> client.toBlocking().exchange(Tokens.as(stranger, HttpRequest.POST("/groups/" + slug + "/members/import", csv)
                .contentType("text/csv")))).assertProblem(403, "forbidden");
    }

    @Test
    void joiningIsPendingUntilTheSignedLinkIsFollowed() {
        GroupView group = api.createGroup(EventsApi.unique("join"), "Europe/Paris");
        MemberView member = client.toBlocking().retrieve(HttpRequest.POST("/groups/" + group.slug() + "/members",
                Map.of("name", "Yann", "email", "yann@example.org")), MemberView.class);
        assertThat(member.status()).isEqualTo(MemberStatus.PENDING);

        MemberJoined joined = api.message(Topics.GROUPS, MemberJoined.class, group.id());
        assertThat(joined.confirmed()).isFalse();
        assertThat(joined.source()).isEqualTo(MembershipSource.JOINED);
        URI link = URI.create(joined.confirmUrl());
        String path = link.getPath();
        String token = link.getQuery().substring("token=".length());

        String page = client.toBlocking().retrieve(HttpRequest.GET(path + "?token=" + token).accept(MediaType.TEXT_HTML));
        assertThat(page).contains("<form method=\"post\"");
        assertThat(client.toBlocking().retrieve("/groups/" + group.slug(), GroupView.class).activeMembers())
                .as("opening the link does not confirm").isZero();

        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.POST(path + "?token=" + token.substring(1) + "A", ""))).assertProblem(400, "invalid-link");
        assertThat(client.toBlocking().retrieve("/groups/" + group.slug(), GroupView.class).activeMembers())
                .as("a tampered link confirms nothing").isZero();
        MemberView confirmed = client.toBlocking().retrieve(HttpRequest.POST(path + "?token=" + token, ""), MemberView.class);
        assertThat(confirmed.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(api.message(Topics.GROUPS, MemberConfirmed.class, group.id()).memberId()).isEqualTo(member.id());

        HttpResponse<MemberView> again = client.toBlocking().exchange(HttpRequest.POST("/groups/" + group.slug() + "/members",
                Map.of("name", "Yann", "email", "YANN@example.org")), MemberView.class);
        assertThat(again.code()).isEqualTo(200);
        assertThat(again.body().id()).isEqualTo(member.id());
        assertThat(again.body().name()).as("whoever types the address does not learn whose membership it is").isNull();

        client.toBlocking().exchange(api.asOrganiser(HttpRequest.DELETE("/groups/" + group.slug() + "/members/" + member.id())));
        assertThat(api.message(Topics.GROUPS, MemberLeft.class, group.id()).reason()).isEqualTo(LeaveReason.REMOVED);
        assertThat(client.toBlocking().retrieve("/groups/" + group.slug(), GroupView.class).activeMembers()).isZero();
    }

    @Test
    void importsMembersFromCsvAllOrNothing() {
        GroupView group = api.createGroup(EventsApi.unique("import"), "Europe/Paris");
        String csv = """
                name,email
                "Grisel, Olivier",olivier@example.org
                Arthur Mensch,arthur@example.org
                Diogo Luvizon,diogo@example.org
                Arthur Mensch,ARTHUR@example.org
                """;

        ImportReport report = client.toBlocking().retrieve(api.asOrganiser(HttpRequest.POST("/groups/" + group.slug() + "/members/import", csv)
                .contentType("text/csv")), ImportReport.class);
        assertThat(report).isEqualTo(new ImportReport(3, 0));
        List<MemberJoined> joined = api.messages(Topics.GROUPS, MemberJoined.class, group.id(), 3);
        assertThat(joined).extracting(MemberJoined::name).containsExactly("Grisel, Olivier", "Arthur Mensch", "Diogo Luvizon");
        assertThat(joined).allMatch(m -> m.confirmed() && m.source() == MembershipSource.IMPORTED);

        ImportReport second = client.toBlocking().retrieve(api.asOrganiser(HttpRequest.POST("/groups/" + group.slug() + "/members/import",
                "Diogo Luvizon,diogo@example.org\nNew Person,new@example.org").contentType("text/csv")), ImportReport.class);
        assertThat(second).isEqualTo(new ImportReport(1, 1));

        ProblemResponse bad = ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST(
                "/groups/" + group.slug() + "/members/import", "Good One,good@example.org\nno address here\nAlso Bad,bad@")
                .contentType("text/csv")))).assertProblem(400, "invalid-csv");
        assertThat(String.valueOf(bad.body().get("detail"))).contains("line 2").contains("line 3");
        assertThat(client.toBlocking().retrieve("/groups/" + group.slug(), GroupView.class).activeMembers())
                .as("nothing of the bad file was imported").isEqualTo(4);
    }

    @Test
    void importsALargeFileAsConsecutiveChangesOfTheGroupsMembers() {
        GroupView group = api.createGroup(EventsApi.unique("bulk"), "Europe/Paris");
        client.toBlocking().retrieve(HttpRequest.POST("/groups/" + group.slug() + "/members",
                Map.of("name", "Early Bird", "email", "early.bird@example.org")), MemberView.class);
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < 1_200; i++) {
            csv.append("Person ").append(i).append(",person-").append(i).append("@example.org\n");
            if (i == 700) {
                // Past the first statement's rows, in another case: the pending member is a member already.
                csv.append("Early Bird,EARLY.BIRD@example.org\n");
            }
        }

        ImportReport report = client.toBlocking().retrieve(api.asOrganiser(HttpRequest.POST("/groups/" + group.slug() + "/members/import",
                csv.toString()).contentType("text/csv")), ImportReport.class);

        assertThat(report).isEqualTo(new ImportReport(1_200, 1));
        List<DecodedMessage> joined = api.decodedMessages(Topics.GROUPS, MemberJoined.class, group.id(), 1_201);
        assertThat(joined).hasSize(1_201);
        assertThat(joined.subList(1, 1_201)).extracting(m -> ((MemberJoined) m.data()).email())
                .as("the file's order").containsExactlyElementsOf(
                        IntStream.range(0, 1_200).mapToObj(i -> "person-" + i + "@example.org").toList());
        long earlyBird = joined.get(0).envelope().causality().advances().version();
        assertThat(joined).extracting(m -> m.envelope().causality().advances().version())
                .as("one change of the group's members each, consecutive after the earlier join")
                .containsExactlyElementsOf(LongStream.rangeClosed(earlyBird, earlyBird + 1_200).boxed().toList());
        assertThat(client.toBlocking().retrieve("/groups/" + group.slug(), GroupView.class).activeMembers()).isEqualTo(1_200);
    }

    @Test
    void anOptOutFromNotificationsEndsTheMembership() throws Exception {
        GroupView group = api.createGroup(EventsApi.unique("optout"), "Europe/Paris");
        client.toBlocking().retrieve(api.asOrganiser(HttpRequest.POST("/groups/" + group.slug() + "/members/import",
                "Leaving Soon,leaving@example.org").contentType("text/csv")), ImportReport.class);

        MemberUnsubscribed optOut = new MemberUnsubscribed(UUID.randomUUID().toString(), group.id(), "leaving@example.org",
                Instant.parse("2029-01-15T10:00:00Z"));
        String json = codec.encode(optOut, "/podium/notifications-service", UUID.randomUUID(), Instant.parse("2029-01-15T10:00:00Z"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS, optOut.subject(), json)).get();
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS, optOut.subject(), json)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() ->
                client.toBlocking().retrieve("/groups/" + group.slug(), GroupView.class).activeMembers() == 0);
        assertThat(api.messages(Topics.GROUPS, MemberLeft.class, group.id(), 1))
                .as("a duplicate opt-out message acts once").hasSize(1)
                .allMatch(left -> left.reason() == LeaveReason.UNSUBSCRIBED);
    }

    @Test
    void answersBadGroupsWithProblems() {
        String slug = EventsApi.unique("bad");
        Map<String, Object> organisers = Map.of("name", "Orga", "email", "orga@example.org");
        ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST("/groups", Map.of("slug", slug, "name", "G",
                "timeZone", "Europe/Atlantis", "language", "fr", "organisers", List.of(organisers)))))).assertProblem(400, "unknown-time-zone");
        ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST("/groups", Map.of("slug", "Not A Slug!", "name", "G",
                "timeZone", "Europe/Paris", "language", "fr", "organisers", List.of(organisers)))))).assertStatus(400);
        ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST("/groups", Map.of("slug", slug, "name", "G",
                "timeZone", "Europe/Paris", "language", "fr", "organisers", List.of(Map.of("name", "Orga", "email", "nope"))))))).assertStatus(400);
        ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST("/groups", Map.of("slug", slug, "name", "G",
                "timeZone", "Europe/Paris", "language", "fr", "organisers", Collections.nCopies(21, organisers)))))).assertStatus(400);
        ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST("/groups", Map.of("slug", slug, "name", "G",
                "timeZone", "Europe/Paris", "language", "fr", "organisers", List.of(organisers, organisers)))))).assertProblem(400, "duplicate-organiser");
        ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST("/groups", Map.of("slug", slug, "name", List.of(1, 2),
                "timeZone", "Europe/Paris", "language", "fr", "organisers", List.of(organisers)))))).assertStatus(400);
        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.GET("/groups/" + slug))).assertStatus(404);

        api.createGroup(slug, "Europe/Paris");
        ProblemResponse.of(() -> api.createGroup(slug, "Europe/Paris")).assertProblem(409, "slug-taken");
        ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(HttpRequest.DELETE("/groups/" + slug + "/members/nobody")))).assertProblem(404, "not-found");
    }
}

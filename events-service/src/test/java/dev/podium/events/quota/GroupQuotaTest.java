package dev.podium.events.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.contracts.events.MemberJoined;
import dev.podium.devissuer.Identity;
import dev.podium.events.EventsApi;
import dev.podium.events.event.EventStatus;
import dev.podium.events.event.EventView;
import dev.podium.events.group.GroupView;
import dev.podium.events.group.ImportReport;
import dev.podium.testsupport.MutableClock;
import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A group may import 5 members and announce 2 events a UTC day here. The clock stands at 22:00 UTC,
 * two hours before the quotas start again.
 */
@MicronautTest(transactional = false)
class GroupQuotaTest implements RealServers {

    private final MutableClock clock = MutableClock.at("2029-01-15T22:00:00Z");
    private final Identity admin = Identity.admin(EventsApi.unique("admin"));

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessageCodec codec;

    EventsApi api;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.quotas.imported-members-per-day", "5");
        properties.put("podium.quotas.announcements-per-day", "2");
        return properties;
    }

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeAll
    void api() {
        api = new EventsApi(client.toBlocking(), codec, new Identity(EventsApi.unique("loic"), "Loïc Dupré",
                EventsApi.unique("loic") + "@example.org", List.of()));
    }

    @Test
    void anImportOverWhatIsLeftTodayIsRefusedWholeUntilTomorrowOrAnAdminRaisesTheQuota() {
        GroupView group = api.createGroup(EventsApi.unique("imports"), "Europe/Paris");
        assertThat(importing(group, people("a", 3))).isEqualTo(new ImportReport(3, 0));

        HttpClientResponseException refused = refusal(group, people("b", 3));
        ProblemResponse problem = ProblemResponse.of(() -> {
            throw refused;
        }).assertProblem(429, "quota-reached");
        assertThat(refused.getResponse().header("Retry-After")).as("until midnight UTC").isEqualTo("7200");
        assertThat(String.valueOf(problem.body().get("detail"))).contains("5 members imported into this group a day")
                .contains("3 today").contains("adds 3");
        assertThat(activeMembers(group)).as("nobody of the refused import").isEqualTo(3);

        ProblemResponse.of(() -> importing(group, people("c", 6))).assertProblem(403, "over-quota");
        assertThat(quotas(api.organiser(), group).importedMembersPerDay())
                .isEqualTo(new GroupQuotaView.Limit(5, 3, false));

        ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(HttpRequest.PUT("/groups/" + group.slug() + "/quotas",
                Map.of("importedMembersPerDay", 1000))))).assertProblem(403, "forbidden");
        GroupQuotaView raised = client.toBlocking().retrieve(Tokens.as(admin, HttpRequest.PUT("/groups/" + group.slug() + "/quotas",
                Map.of("importedMembersPerDay", 10))), GroupQuotaView.class);
        assertThat(raised.importedMembersPerDay()).isEqualTo(new GroupQuotaView.Limit(10, 3, true));
        assertThat(raised.announcementsPerDay().limit()).as("the other quota keeps its default").isEqualTo(2);
        assertThat(importing(group, people("b", 3))).isEqualTo(new ImportReport(3, 0));

        clock.set(clock.instant().plus(Duration.ofHours(2)));
        assertThat(quotas(admin, group).importedMembersPerDay().usedToday()).as("a new UTC day").isZero();
        assertThat(importing(group, people("d", 10))).isEqualTo(new ImportReport(10, 0));
        clock.set(clock.instant().minus(Duration.ofHours(2)));
    }

    @Test
    void addressesAlreadyMembersDoNotCountAndTheImportedLearnWhoAddedThem() {
        GroupView group = api.createGroup(EventsApi.unique("recount"), "Europe/Paris");
        assertThat(importing(group, people("a", 4))).isEqualTo(new ImportReport(4, 0));
        assertThat(importing(group, people("a", 4) + "\n" + people("z", 1))).isEqualTo(new ImportReport(1, 4));

        List<MemberJoined> joined = api.messages(Topics.GROUPS, MemberJoined.class, group.id(), 5);
        assertThat(joined).extracting(MemberJoined::addedBy).containsOnly("Loïc Dupré");
    }

    @Test
    void concurrentImportsNeverTakeMoreThanTheQuota() throws Exception {
        GroupView group = api.createGroup(EventsApi.unique("race"), "Europe/Paris");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> imports = IntStream.range(0, 8)
                    .mapToObj(i -> (Callable<Integer>) () -> {
                        try {
                            return importing(group, people("r" + i, 1)).imported();
                        } catch (HttpClientResponseException e) {
                            assertThat(e.getStatus().getCode()).isEqualTo(429);
                            return 0;
                        }
                    }).toList();
            List<Integer> outcomes = new ArrayList<>();
            for (Future<Integer> outcome : pool.invokeAll(imports)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(activeMembers(group)).isEqualTo(5);
        assertThat(quotas(api.organiser(), group).importedMembersPerDay().usedToday()).isEqualTo(5);
    }

    @Test
    void aThirdAnnouncementTheSameDayIsRefusedAndTheEventStaysADraft() {
        GroupView group = api.createGroup(EventsApi.unique("announce"), "Europe/Paris");
        List<EventView> drafts = IntStream.range(0, 3).mapToObj(i -> api.draft(group.slug(), Map.of("title", "Meetup #" + i,
                "startsAt", "2029-03-0" + (i + 1) + "T19:00:00", "endsAt", "2029-03-0" + (i + 1) + "T22:00:00"))).toList();
        api.publish(drafts.get(0).id());
        api.publish(drafts.get(1).id());

        ProblemResponse.of(() -> api.publish(drafts.get(2).id())).assertProblem(429, "quota-reached");
        assertThat(api.get(drafts.get(2).id()).status()).isEqualTo(EventStatus.DRAFT);
        assertThat(quotas(api.organiser(), group).announcementsPerDay()).isEqualTo(new GroupQuotaView.Limit(2, 2, false));

        clock.set(clock.instant().plus(Duration.ofHours(2)));
        try {
            assertThat(api.publish(drafts.get(2).id()).status()).isEqualTo(EventStatus.PUBLISHED);
        } finally {
            clock.set(clock.instant().minus(Duration.ofHours(2)));
        }
    }

    @Test
    void onlyOrganisersAndAdminsSeeAGroupsQuotas() {
        GroupView group = api.createGroup(EventsApi.unique("private"), "Europe/Paris");
        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.GET("/groups/" + group.slug() + "/quotas")))
                .assertProblem(401, "authentication-required");
        ProblemResponse.of(() -> client.toBlocking().exchange(Tokens.as(Identity.of(EventsApi.unique("stranger")),
                HttpRequest.GET("/groups/" + group.slug() + "/quotas")))).assertProblem(403, "forbidden");
        ProblemResponse.of(() -> client.toBlocking().exchange(Tokens.as(admin, HttpRequest.PUT("/groups/" + group.slug() + "/quotas",
                Map.of("announcementsPerDay", -1))))).assertStatus(400);
    }

    private ImportReport importing(GroupView group, String csv) {
        return client.toBlocking().retrieve(api.asOrganiser(HttpRequest.POST("/groups/" + group.slug() + "/members/import", csv)
                .contentType("text/csv")), ImportReport.class);
    }

    private HttpClientResponseException refusal(GroupView group, String csv) {
        try {
            importing(group, csv);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("the import was taken");
    }

    private GroupQuotaView quotas(Identity who, GroupView group) {
        return client.toBlocking().retrieve(Tokens.as(who, HttpRequest.GET("/groups/" + group.slug() + "/quotas")), GroupQuotaView.class);
    }

    private long activeMembers(GroupView group) {
        return client.toBlocking().retrieve("/groups/" + group.slug(), GroupView.class).activeMembers();
    }

    private static String people(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> "Person " + prefix + i + "," + prefix + i + "@example.org")
                .collect(Collectors.joining("\n"));
    }
}

package dev.podium.events.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.contracts.events.MemberJoined;
import dev.podium.devissuer.Identity;
import dev.podium.events.EventsApi;
import dev.podium.events.event.EventView;
import dev.podium.events.group.GroupView;
import dev.podium.events.group.MemberStatus;
import dev.podium.events.group.MemberView;
import dev.podium.events.registration.RegistrationStatus;
import dev.podium.events.registration.RegistrationView;
import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The links that act without an account (an RSVP's manage link, a membership's opt-in link) act on
 * their own record only: a tampered link, or a valid one pointed at another record, is refused
 * (400 invalid-link) and changes nothing; a guessed id without a link is not found.
 */
@MicronautTest(transactional = false)
class LinksTest implements RealServers {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessageCodec codec;

    EventsApi api;
    EventView event;

    @BeforeAll
    void publishedEvent() {
        api = new EventsApi(client.toBlocking(), codec);
        String group = api.createGroup(EventsApi.unique("links"), "Europe/Paris").slug();
        event = api.publish(api.draft(group, Map.of("title", "Meetup", "startsAt", "2029-03-07T19:00:00",
                "endsAt", "2029-03-07T22:00:00")).id());
    }

    @Test
    void theManageLinkShowsAndCancelsItsOwnRsvp() {
        RegistrationView mine = rsvp("Ada Lovelace", "ada");

        RegistrationView seen = client.toBlocking().retrieve(HttpRequest.GET(link(mine.manageUrl())), RegistrationView.class);
        assertThat(seen.name()).isEqualTo("Ada Lovelace");
        assertThat(seen.status()).isEqualTo(RegistrationStatus.CONFIRMED);

        RegistrationView cancelled = client.toBlocking().retrieve(HttpRequest.DELETE(link(mine.manageUrl())), RegistrationView.class);
        assertThat(cancelled.status()).isEqualTo(RegistrationStatus.CANCELLED);
    }

    @Test
    void aTamperedManageLinkNeitherShowsNorCancels() {
        RegistrationView mine = rsvp("Alan Turing", "alan");
        String tampered = tamper(link(mine.manageUrl()));

        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.GET(tampered), String.class))
                .assertProblem(400, "invalid-link");
        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.DELETE(tampered), String.class))
                .assertProblem(400, "invalid-link");
        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.DELETE(path(mine) + "?token="), String.class))
                .assertProblem(400, "invalid-link");

        assertThat(asOrganiser(mine).status()).as("still holds the seat").isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void myLinkOnAnotherRsvpsIdNeitherShowsNorCancelsIt() {
        RegistrationView mine = rsvp("Grace Hopper", "grace");
        RegistrationView theirs = rsvp("Edsger Dijkstra", "edsger");
        String myToken = URI.create(mine.manageUrl()).getRawQuery();

        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.GET(path(theirs) + "?" + myToken), String.class))
                .assertProblem(400, "invalid-link");
        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.DELETE(path(theirs) + "?" + myToken), String.class))
                .assertProblem(400, "invalid-link");
        // Without a link, a guessed id is as unknown as one that does not exist, signed in or not.
        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.GET(path(theirs)), String.class))
                .assertProblem(404, "not-found");
        ProblemResponse.of(() -> client.toBlocking().exchange(
                Tokens.as(Identity.of(EventsApi.unique("curious")), HttpRequest.DELETE(path(theirs))), String.class))
                .assertProblem(404, "not-found");

        RegistrationView untouched = asOrganiser(theirs);
        assertThat(untouched.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(untouched.name()).isEqualTo("Edsger Dijkstra");
    }

    @Test
    void aTamperedOrForeignOptInLinkConfirmsNothingAndRemovesNoOne() {
        GroupView group = api.createGroup(EventsApi.unique("opt-in"), "Europe/Paris");
        MemberView mine = join(group, "Yann", "yann");
        MemberView theirs = join(group, "Léon", "leon");
        String myLink = confirmUrl(group, mine.id());
        String theirLink = confirmUrl(group, theirs.id());
        String myQuery = URI.create(myLink).getRawQuery();

        String page = client.toBlocking().retrieve(HttpRequest.GET(tamper(link(myLink))).accept(MediaType.TEXT_HTML));
        assertThat(page).as("the page only offers to confirm").contains("<form method=\"post\"");
        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.POST(tamper(link(myLink)), ""), String.class))
                .assertProblem(400, "invalid-link");
        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.POST(URI.create(theirLink).getRawPath() + "?" + myQuery, ""),
                String.class)).assertProblem(400, "invalid-link");
        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.DELETE(
                "/groups/" + group.slug() + "/members/" + theirs.id() + "?" + myQuery), String.class)).assertProblem(400, "invalid-link");
        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.DELETE(
                "/groups/" + group.slug() + "/members/" + theirs.id()), String.class)).assertProblem(404, "not-found");
        assertThat(client.toBlocking().retrieve("/groups/" + group.slug(), GroupView.class).activeMembers()).isZero();

        MemberView confirmed = client.toBlocking().retrieve(HttpRequest.POST(link(myLink), ""), MemberView.class);
        assertThat(confirmed.status()).isEqualTo(MemberStatus.ACTIVE);
        client.toBlocking().exchange(HttpRequest.DELETE("/groups/" + group.slug() + "/members/" + mine.id() + "?" + myQuery));
        assertThat(client.toBlocking().retrieve("/groups/" + group.slug(), GroupView.class).activeMembers())
                .as("the member's own link lets them leave").isZero();
    }

    private RegistrationView rsvp(String name, String prefix) {
        return api.rsvp(event.id(), name, EventsApi.unique(prefix) + "@example.org").body();
    }

    private MemberView join(GroupView group, String name, String prefix) {
        return client.toBlocking().retrieve(HttpRequest.POST("/groups/" + group.slug() + "/members",
                Map.of("name", name, "email", EventsApi.unique(prefix) + "@example.org")), MemberView.class);
    }

    private String confirmUrl(GroupView group, String memberId) {
        return api.messages(Topics.GROUPS, MemberJoined.class, group.id(), 2).stream()
                .filter(joined -> joined.memberId().equals(memberId)).findFirst().orElseThrow().confirmUrl();
    }

    private RegistrationView asOrganiser(RegistrationView registration) {
        return client.toBlocking().retrieve(api.asOrganiser(HttpRequest.GET(path(registration))), RegistrationView.class);
    }

    private static String path(RegistrationView registration) {
        return "/events/" + registration.eventId() + "/registrations/" + registration.id();
    }

    private static String link(String url) {
        return EventsApi.pathAndQuery(url);
    }

    /** The signature's first character changed (the last one carries padding bits a decoder may ignore). */
    private static String tamper(String link) {
        int at = link.indexOf("token=") + "token=".length();
        return link.substring(0, at) + (link.charAt(at) == 'A' ? 'B' : 'A') + link.substring(at + 1);
    }
}

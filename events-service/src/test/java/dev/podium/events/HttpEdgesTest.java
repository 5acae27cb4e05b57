package dev.podium.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.MessageCodec;
import dev.podium.events.event.EventView;
import dev.podium.events.group.GroupView;
import dev.podium.events.group.MemberView;
import dev.podium.events.links.SignedLinks;
import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.RealServers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Input at the edges of HTTP: control characters in names and titles, bodies of another type than
 * the route reads, Accept headers the route cannot answer, and the empty form posts of HTML forms
 * and scripts on routes that take no body.
 */
@MicronautTest(transactional = false)
class HttpEdgesTest implements RealServers {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessageCodec codec;
    @Inject
    SignedLinks links;

    EventsApi api;

    @BeforeAll
    void api() {
        api = new EventsApi(client.toBlocking(), codec);
    }

    @Test
    void controlCharactersInNamesAndTitlesAre400NamingTheField() {
        String slug = api.createGroup(EventsApi.unique("ctl"), "Europe/Paris").slug();
        Map<String, Object> group = new HashMap<>(Map.of("slug", EventsApi.unique("ctl"), "name", "Paris\r\nBcc: all@example.org",
                "timeZone", "Europe/Paris", "language", "fr"));
        refused(HttpRequest.POST("/groups", group), "name");
        refused(HttpRequest.POST("/groups/" + slug + "/events", Map.of("title", "Meetup\u0000#13")), "title");
        refused(HttpRequest.POST("/groups/" + slug + "/events", Map.of("title", "Meetup \u001b[2J#13")), "title");
        EventView event = api.publish(api.draft(slug, Map.of("title", "Meetup #13", "startsAt", "2029-03-07T19:00:00",
                "endsAt", "2029-03-07T22:00:00")).id());
        refused(HttpRequest.PATCH("/events/" + event.id(), Map.of("title", "Moved\nMeetup")), "title");
        assertThat(ProblemResponse.of(() -> api.rsvp(event.id(), "Ada\nLovelace", "ada@example.org")).assertStatus(400)
                .body().toString()).contains("name");
        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.POST("/groups/" + slug + "/members",
                Map.of("name", "Yann\r", "email", "yann@example.org")))).assertStatus(400);
        ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST("/groups/" + slug + "/members/import",
                "\"Yann\rLeCun\",yann@example.org").contentType("text/csv")))).assertProblem(400, "invalid-csv");
        assertThat(api.rsvp(event.id(), "Ada Lovelace — née Byron", "ada@example.org").code()).isEqualTo(201);
    }

    @Test
    void bodyLessActionsTakeAPostOfAnyTypeWithAnEmptyBody() {
        String slug = api.createGroup(EventsApi.unique("form"), "Europe/Paris").slug();
        EventView draft = api.draft(slug, Map.of("title", "Meetup #14", "startsAt", "2029-04-04T19:00:00", "endsAt", "2029-04-04T22:00:00"));

        HttpResponse<EventView> published = client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST("/events/" + draft.id() + "/publish", "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)), EventView.class);
        assertThat(published.code()).isEqualTo(200);
        HttpResponse<EventView> next = client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST("/events/" + draft.id() + "/next", "")
                .contentType(MediaType.TEXT_PLAIN)), EventView.class);
        assertThat(next.code()).isEqualTo(201);
        HttpResponse<EventView> cancelled = client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST("/events/" + draft.id() + "/cancel", "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)), EventView.class);
        assertThat(cancelled.body().status().name()).isEqualTo("CANCELLED");

        MemberView member = client.toBlocking().retrieve(HttpRequest.POST("/groups/" + slug + "/members",
                Map.of("name", "Yann", "email", "yann@example.org")), MemberView.class);
        String confirmation = "/groups/" + slug + "/members/" + member.id() + "/confirmation?token="
                + links.token(SignedLinks.CONFIRM_MEMBERSHIP, member.id());
        HttpResponse<MemberView> confirmed = client.toBlocking().exchange(HttpRequest.POST(confirmation, "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED), MemberView.class);
        assertThat(confirmed.code()).as("the opt-in page's own form posts this").isEqualTo(200);
    }

    @Test
    void unsupportedAndUnacceptableTypesAreProblemsThatSayWhatToSend() {
        ProblemResponse unsupported = ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(
                HttpRequest.POST("/groups", "slug=x&name=y").contentType(MediaType.APPLICATION_FORM_URLENCODED))))
                .assertProblem(415, "unsupported-media-type");
        assertThat(unsupported.body().get("title")).isNotNull();
        assertThat((String) unsupported.body().get("detail")).contains("application/x-www-form-urlencoded").contains("Content-Type: application/json");

        String slug = api.createGroup(EventsApi.unique("accept"), "Europe/Paris").slug();
        ProblemResponse unacceptable = ProblemResponse.of(() -> client.toBlocking().exchange(
                HttpRequest.GET("/groups/" + slug).accept(MediaType.TEXT_CSV_TYPE))).assertProblem(406, "not-acceptable");
        assertThat(unacceptable.body().get("title")).isNotNull();
        assertThat((String) unacceptable.body().get("detail")).contains("Accept: application/json");
    }

    private void refused(io.micronaut.http.MutableHttpRequest<?> request, String field) {
        ProblemResponse problem = ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(request))).assertStatus(400);
        assertThat(problem.body().toString()).as("the problem names the field").contains(field);
    }
}

package dev.podium.events.access;

import static dev.podium.testsupport.AuthorizationMatrix.Principal.ADMIN;
import static dev.podium.testsupport.AuthorizationMatrix.Principal.ORGANISER;
import static dev.podium.testsupport.AuthorizationMatrix.Principal.OTHER_GROUPS_ORGANISER;
import static dev.podium.testsupport.AuthorizationMatrix.Principal.OTHER_SPEAKER;
import static dev.podium.testsupport.AuthorizationMatrix.Principal.OWNER_SPEAKER;
import static io.micronaut.http.HttpMethod.DELETE;
import static io.micronaut.http.HttpMethod.PATCH;
import static io.micronaut.http.HttpMethod.POST;
import static io.micronaut.http.HttpMethod.PUT;

import dev.podium.contracts.MessageCodec;
import dev.podium.devissuer.Identity;
import dev.podium.events.EventsApi;
import dev.podium.events.event.EventView;
import dev.podium.events.group.MemberView;
import dev.podium.events.links.SignedLinks;
import dev.podium.events.registration.RegistrationView;
import dev.podium.testsupport.AuthorizationMatrix;
import dev.podium.testsupport.AuthorizationMatrix.Principal;
import dev.podium.testsupport.RealServers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what in events-service, cell by cell. "Speakers" mean nothing here: both speaker
 * columns are people signed in without any tie to the group. The rules the table follows:
 * <ul>
 *   <li>public things (groups, venues, published events and what hangs from them) answer anyone;</li>
 *   <li>organiser-only actions need a token (401 without one, before anything is looked up), then
 *       answer 404 on a draft the caller may not see and 403 on something public;</li>
 *   <li>a draft, an RSVP or a membership answers 404 to whoever may not see it, as an unknown id does;</li>
 *   <li>a request with a signed link (?token=) is judged by the link alone: 400 when it is not valid
 *       for that record (see LinksTest).</li>
 * </ul>
 */
@MicronautTest(transactional = false)
class AuthorizationMatrixTest implements RealServers {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessageCodec codec;
    @Inject
    SignedLinks links;
    @Inject
    Router router;

    private final Identity organiser = Identity.of(EventsApi.unique("organiser"));
    private final Identity otherGroupsOrganiser = Identity.of(EventsApi.unique("other-organiser"));
    private final Map<Principal, Identity> identities = Map.of(
            OTHER_GROUPS_ORGANISER, otherGroupsOrganiser,
            ORGANISER, organiser,
            OTHER_SPEAKER, Identity.of(EventsApi.unique("other-speaker")),
            OWNER_SPEAKER, Identity.of(EventsApi.unique("owner-speaker")),
            ADMIN, Identity.admin(EventsApi.unique("admin")));

    EventsApi api;
    String slug;
    String venueId;
    EventView published;
    EventView draft;

    @BeforeAll
    void groupsAndEvents() {
        api = new EventsApi(client.toBlocking(), codec, organiser);
        slug = api.createGroup(EventsApi.unique("matrix"), "Europe/Paris").slug();
        new EventsApi(client.toBlocking(), codec, otherGroupsOrganiser).createGroup(EventsApi.unique("elsewhere"), "Europe/Paris");
        venueId = api.createVenue(500).id();
        published = publishedEvent();
        draft = draftEvent();
    }

    @Test
    void everyRouteHasItsRow() {
        matrix().assertCoversEveryRoute(router);
    }

    @Test
    void everyCallerGetsWhatTheTableSays() {
        matrix().assertAnswers(client.toBlocking());
    }

    private AuthorizationMatrix matrix() {
        String group = "/groups/" + slug;
        String event = "/events/" + published.id();
        String draftEvent = "/events/" + draft.id();
        AuthorizationMatrix matrix = new AuthorizationMatrix(identities);
        //                                                                                      anon other-org org other-spk owner-spk admin
        matrix.read("/groups/{slug}", who -> group)                                    .expect(200, 200, 200, 200, 200, 200);
        matrix.row(POST, "/groups/{slug}/organisers", who -> HttpRequest.POST(group + "/organisers", person("co")))
                                                                                         .expect(401, 403, 201, 403, 403, 201);
        matrix.row(POST, "/groups/{slug}/members", who -> HttpRequest.POST(group + "/members", person("joiner")))
                                                                                         .expect(201, 201, 201, 201, 201, 201);
        matrix.row(POST, "/groups/{slug}/members/import", who -> HttpRequest.POST(group + "/members/import",
                "Imported," + EventsApi.unique("imported") + "@example.org").contentType("text/csv"))
                                                                                         .expect(401, 403, 200, 403, 403, 200);
        matrix.read("/groups/{slug}/quotas", who -> group + "/quotas")                  .expect(401, 403, 200, 403, 403, 200);
        matrix.row(PUT, "/groups/{slug}/quotas", who -> HttpRequest.PUT(group + "/quotas", Map.of("announcementsPerDay", 20)))
                                                                                         .expect(401, 403, 403, 403, 403, 200);
        matrix.row(POST, "/groups/{slug}/members/{memberId}/confirmation", who -> {
            String member = pendingMember();
            return HttpRequest.POST(group + "/members/" + member + "/confirmation?token=" + optInToken(member), "");
        })                                                                               .expect(200, 200, 200, 200, 200, 200);
        // Someone else's opt-in link on this membership.
        matrix.row(POST, "/groups/{slug}/members/{memberId}/confirmation", who ->
                HttpRequest.POST(group + "/members/" + pendingMember() + "/confirmation?token=" + optInToken(pendingMember()), ""))
                                                                                         .expect(400, 400, 400, 400, 400, 400);
        matrix.read("/groups/{slug}/members/{memberId}/confirmation", who -> {
            String member = pendingMember();
            return group + "/members/" + member + "/confirmation?token=" + optInToken(member);
        })                                                                               .expect(200, 200, 200, 200, 200, 200);
        matrix.row(DELETE, "/groups/{slug}/members/{memberId}", who -> HttpRequest.DELETE(group + "/members/" + pendingMember()))
                                                                                         .expect(404, 404, 204, 404, 404, 204);
        matrix.row(DELETE, "/groups/{slug}/members/{memberId}", who -> {
            String member = pendingMember();
            return HttpRequest.DELETE(group + "/members/" + member + "?token=" + optInToken(member));
        })                                                                               .expect(204, 204, 204, 204, 204, 204);
        matrix.read("/groups/{slug}/calendar.ics", who -> group + "/calendar.ics")     .expect(200, 200, 200, 200, 200, 200);

        matrix.row(POST, "/venues", who -> HttpRequest.POST("/venues", Map.of("name", "Venue", "address", "1 rue de Rivoli",
                "city", "Paris", "country", "France")))                                 .expect(401, 201, 201, 403, 403, 201);
        matrix.read("/venues/{id}", who -> "/venues/" + venueId)                       .expect(200, 200, 200, 200, 200, 200);

        matrix.row(POST, "/groups/{slug}/events", who -> HttpRequest.POST(group + "/events", Map.of("title", "New event")))
                                                                                         .expect(401, 403, 201, 403, 403, 201);
        matrix.read("/events", who -> "/events?group=" + slug)                         .expect(200, 200, 200, 200, 200, 200);
        matrix.read("/events/{id}", who -> event)                                      .expect(200, 200, 200, 200, 200, 200);
        matrix.read("/events/{id}", who -> draftEvent)                                 .expect(404, 404, 200, 404, 404, 200);
        matrix.row(PATCH, "/events/{id}", who -> HttpRequest.PATCH(event, Map.of("description", "Changed by " + who)))
                                                                                         .expect(401, 403, 200, 403, 403, 200);
        matrix.row(PATCH, "/events/{id}", who -> HttpRequest.PATCH(draftEvent, Map.of("description", "Changed by " + who)))
                                                                                         .expect(401, 404, 200, 404, 404, 200);
        matrix.row(POST, "/events/{id}/publish", who -> HttpRequest.POST("/events/" + draftEvent().id() + "/publish", Map.of()))
                                                                                         .expect(401, 404, 200, 404, 404, 200);
        matrix.row(POST, "/events/{id}/cancel", who -> HttpRequest.POST("/events/" + publishedEvent().id() + "/cancel", Map.of()))
                                                                                         .expect(401, 403, 200, 403, 403, 200);
        matrix.row(POST, "/events/{id}/next", who -> HttpRequest.POST(event + "/next", Map.of()))
                                                                                         .expect(401, 403, 201, 403, 403, 201);
        matrix.row(POST, "/events/{id}/next", who -> HttpRequest.POST(draftEvent + "/next", Map.of()))
                                                                                         .expect(401, 404, 201, 404, 404, 201);

        matrix.row(PUT, "/events/{eventId}/agenda", who -> HttpRequest.PUT(event + "/agenda", agenda()))
                                                                                         .expect(401, 403, 200, 403, 403, 200);
        matrix.row(PUT, "/events/{eventId}/agenda", who -> HttpRequest.PUT(draftEvent + "/agenda", agenda()))
                                                                                         .expect(401, 404, 200, 404, 404, 200);
        matrix.read("/events/{eventId}/agenda", who -> event + "/agenda")              .expect(200, 200, 200, 200, 200, 200);
        matrix.read("/events/{eventId}/agenda", who -> draftEvent + "/agenda")         .expect(404, 404, 200, 404, 404, 200);
        matrix.read("/events/{id}/calendar.ics", who -> event + "/calendar.ics")       .expect(200, 200, 200, 200, 200, 200);
        matrix.read("/events/{id}/calendar.ics", who -> draftEvent + "/calendar.ics")  .expect(404, 404, 200, 404, 404, 200);
        matrix.read("/events/{id}/schedule.xml", who -> event + "/schedule.xml")       .expect(200, 200, 200, 200, 200, 200);
        matrix.read("/events/{id}/schedule.xml", who -> draftEvent + "/schedule.xml")  .expect(404, 404, 200, 404, 404, 200);
        matrix.read("/events/{id}/schedule.json", who -> event + "/schedule.json")     .expect(200, 200, 200, 200, 200, 200);
        matrix.read("/events/{id}/schedule.json", who -> draftEvent + "/schedule.json").expect(404, 404, 200, 404, 404, 200);

        matrix.row(POST, "/events/{eventId}/registrations", who -> HttpRequest.POST(event + "/registrations", person("rsvp")))
                                                                                         .expect(201, 201, 201, 201, 201, 201);
        matrix.row(POST, "/events/{eventId}/registrations", who -> HttpRequest.POST(draftEvent + "/registrations", person("early")))
                                                                                         .expect(404, 404, 409, 404, 404, 409);
        matrix.read("/events/{eventId}/registrations", who -> event + "/registrations").expect(401, 403, 200, 403, 403, 200);
        matrix.read("/events/{eventId}/registrations", who -> draftEvent + "/registrations")
                                                                                         .expect(401, 404, 200, 404, 404, 200);
        matrix.read("/events/{eventId}/registrations/{registrationId}", who -> registrationPath(rsvp()))
                                                                                         .expect(404, 404, 200, 404, 404, 200);
        matrix.read("/events/{eventId}/registrations/{registrationId}", who -> EventsApi.pathAndQuery(rsvp().manageUrl()))
                                                                                         .expect(200, 200, 200, 200, 200, 200);
        matrix.row(DELETE, "/events/{eventId}/registrations/{registrationId}", who -> HttpRequest.DELETE(registrationPath(rsvp())))
                                                                                         .expect(404, 404, 200, 404, 404, 200);
        matrix.row(DELETE, "/events/{eventId}/registrations/{registrationId}", who ->
                HttpRequest.DELETE(EventsApi.pathAndQuery(rsvp().manageUrl())))         .expect(200, 200, 200, 200, 200, 200);

        // The pages' forms (urlencoded, as a browser sends them from Podium's own pages): the API's rules. A form
        // answers 303 to the page it leads to, which the client follows (here as a program, so to its JSON).
        matrix.row(POST, "/events/{eventId}/rsvp", who -> form(event + "/rsvp", "name=Someone&email="
                + EventsApi.unique("form") + "%40example.org"))                           .expect(200, 200, 200, 200, 200, 200);
        matrix.row(POST, "/events/{eventId}/rsvp", who -> form(draftEvent + "/rsvp", "name=Someone&email="
                + EventsApi.unique("early-form") + "%40example.org"))                     .expect(404, 404, 409, 404, 404, 409);
        matrix.row(POST, "/events/{eventId}/registrations/{registrationId}/cancellation", who ->
                form(registrationPath(rsvp()) + "/cancellation", ""))                   .expect(404, 404, 200, 404, 404, 200);
        matrix.row(POST, "/events/{eventId}/registrations/{registrationId}/cancellation", who -> {
            String link = EventsApi.pathAndQuery(rsvp().manageUrl());
            return form(link.replace("?", "/cancellation?"), "");
        })                                                                               .expect(200, 200, 200, 200, 200, 200);
        matrix.row(POST, "/groups/{slug}/join", who -> form(group + "/join", "name=Someone&email="
                + EventsApi.unique("form-join") + "%40example.org").accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE))
                                                                                         .expect(200, 200, 200, 200, 200, 200);
        matrix.read("/groups/{slug}/joined", who -> group + "/joined")                 .expect(200, 200, 200, 200, 200, 200);
        matrix.read("/assets/podium.css", who -> "/assets/podium.css")                 .expect(200, 200, 200, 200, 200, 200);

        matrix.row(POST, "/erasures", who -> HttpRequest.POST("/erasures", Map.of("email", EventsApi.unique("erased") + "@example.org")))
                                                                                         .expect(401, 403, 403, 403, 403, 204);

        matrix.read("/health", who -> "/health")                                       .expect(200, 200, 200, 200, 200, 200);
        matrix.read("/health/{selector}", who -> "/health/liveness")                   .expect(200, 200, 200, 200, 200, 200);
        matrix.read("/prometheus", who -> "/prometheus")                               .expect(401, 403, 403, 403, 403, 200);

        // Late: from here on, the speakers organise groups of their own.
        matrix.row(POST, "/groups", who -> HttpRequest.POST("/groups", Map.of("slug", EventsApi.unique("new"),
                "name", "New group", "timeZone", "Europe/Paris", "language", "en")))
                                                                                         .expect(401, 201, 201, 201, 201, 201);
        // Last: every caller who asks is forgotten, organisers included (their groups lose them).
        matrix.row(DELETE, "/people/me", who -> HttpRequest.DELETE("/people/me"))        .expect(401, 204, 204, 204, 204, 204);
        return matrix;
    }

    private String optInToken(String memberId) {
        return links.token(SignedLinks.CONFIRM_MEMBERSHIP, memberId);
    }

    private EventView draftEvent() {
        return api.draft(slug, Map.of("title", "Meetup", "startsAt", "2029-03-07T19:00:00", "endsAt", "2029-03-07T22:00:00",
                "venueId", venueId));
    }

    private EventView publishedEvent() {
        return api.publish(draftEvent().id());
    }

    private String pendingMember() {
        return client.toBlocking().retrieve(HttpRequest.POST("/groups/" + slug + "/members", person("member")), MemberView.class).id();
    }

    private RegistrationView rsvp() {
        return api.rsvp(published.id(), "Attendee", EventsApi.unique("attendee") + "@example.org").body();
    }

    private static String registrationPath(RegistrationView registration) {
        return "/events/" + registration.eventId() + "/registrations/" + registration.id();
    }

    private static io.micronaut.http.MutableHttpRequest<String> form(String uri, String body) {
        return HttpRequest.POST(uri, body).contentType(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    private static Map<String, Object> person(String prefix) {
        return Map.of("name", "Someone", "email", EventsApi.unique(prefix) + "@example.org");
    }

    private static Map<String, Object> agenda() {
        return Map.of("slots", List.of(Map.of("startsAt", "2029-03-07T19:00:00", "endsAt", "2029-03-07T19:40:00",
                "kind", "TALK", "title", "A talk")));
    }
}

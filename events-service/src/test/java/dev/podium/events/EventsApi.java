package dev.podium.events;

import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.events.RegistrationCancelled;
import dev.podium.contracts.events.RegistrationPromoted;
import dev.podium.contracts.events.RegistrationWaitlisted;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.Topics;
import dev.podium.events.event.EventView;
import dev.podium.events.group.GroupView;
import dev.podium.events.registration.RegistrationView;
import dev.podium.events.venue.VenueView;
import dev.podium.devissuer.Identity;
import dev.podium.testsupport.Tokens;
import dev.podium.testsupport.TopicReader;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The events-service API as the tests drive it, with realistic defaults from the seeds. Groups are
 * created, and events managed, by one organiser (a signed-in account); RSVPs are sent anonymously.
 */
public final class EventsApi {

    private final BlockingHttpClient http;
    private final MessageCodec codec;
    private final Identity organiser;

    public EventsApi(BlockingHttpClient http, MessageCodec codec) {
        this(http, codec, Identity.of(unique("organiser")));
    }

    public EventsApi(BlockingHttpClient http, MessageCodec codec, Identity organiser) {
        this.http = http;
        this.codec = codec;
        this.organiser = organiser;
    }

    /** Who creates the groups of this API and organises them. */
    public Identity organiser() {
        return organiser;
    }

    /** The request, sent by this API's organiser. */
    public <T> MutableHttpRequest<T> asOrganiser(MutableHttpRequest<T> request) {
        return Tokens.as(organiser, request);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public GroupView createGroup(String slug, String timeZone) {
        return http.retrieve(asOrganiser(HttpRequest.POST("/groups", Map.of(
                "slug", slug, "name", "Paris Deep Learning", "description", "Rencontres mensuelles autour du deep learning",
                "timeZone", timeZone, "language", "fr"))), GroupView.class);
    }

    /** Needs this API's organiser to organise a group already (venues are added by organisers). */
    public VenueView createVenue(int capacity) {
        return http.retrieve(asOrganiser(HttpRequest.POST("/venues", Map.of("name", "Heuritech", "address", "248 rue du Faubourg Saint-Antoine",
                "city", "Paris", "country", "France", "capacity", capacity, "notes", "Pizzas and drinks after the talks"))), VenueView.class);
    }

    public EventView draft(String groupSlug, Map<String, Object> body) {
        return http.retrieve(asOrganiser(HttpRequest.POST("/groups/" + groupSlug + "/events", body)), EventView.class);
    }

    public EventView publish(String eventId) {
        return http.retrieve(asOrganiser(HttpRequest.POST("/events/" + eventId + "/publish", Map.of())), EventView.class);
    }

    public EventView patch(String eventId, Map<String, Object> body) {
        return http.retrieve(asOrganiser(HttpRequest.PATCH("/events/" + eventId, body)), EventView.class);
    }

    /** As the organiser, who sees drafts too. */
    public EventView get(String eventId) {
        return http.retrieve(asOrganiser(HttpRequest.GET("/events/" + eventId)), EventView.class);
    }

    public HttpResponse<RegistrationView> rsvp(String eventId, String name, String email) {
        return http.exchange(HttpRequest.POST("/events/" + eventId + "/registrations", Map.of("name", name, "email", email)),
                RegistrationView.class);
    }

    /** As the organiser. */
    public RegistrationView cancelRsvp(String eventId, String registrationId) {
        return http.retrieve(asOrganiser(HttpRequest.DELETE("/events/" + eventId + "/registrations/" + registrationId)),
                RegistrationView.class);
    }

    /** As the attendee, anonymously, through the signed link their RSVP came with. */
    public RegistrationView cancelRsvpThroughLink(String manageUrl) {
        return http.retrieve(HttpRequest.DELETE(pathAndQuery(manageUrl)), RegistrationView.class);
    }

    /** As the organiser: every RSVP, in arrival order, read page by page. */
    public List<RegistrationView> registrations(String eventId) {
        List<RegistrationView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageView<RegistrationView> view = http.retrieve(asOrganiser(HttpRequest.GET(
                    "/events/" + eventId + "/registrations?size=" + PageQuery.MAX_SIZE + "&page=" + page)),
                    Argument.of(PageView.class, RegistrationView.class));
            all.addAll(view.items());
            if (view.items().size() < PageQuery.MAX_SIZE) {
                return all;
            }
        }
    }

    /** What a signed link (absolute, with the service's public URL) asks of this server. */
    public static String pathAndQuery(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Waits for {@code count} messages of a type about one subject on a topic, decoded, in order. */
    public <T extends PodiumMessage> List<T> messages(String topic, Class<T> type, String subject, int count) {
        return decodedMessages(topic, type, subject, count).stream().map(m -> type.cast(m.data())).toList();
    }

    /** The same, with their envelopes (versions, causality, trace). */
    public List<DecodedMessage> decodedMessages(String topic, Class<? extends PodiumMessage> type, String subject, int count) {
        Predicate<DecodedMessage> matches = m -> type.isInstance(m.data()) && subject.equals(m.envelope().subject());
        try (TopicReader reader = TopicReader.fromBeginning(topic)) {
            return reader.await(r -> subject.equals(r.key()) && matches.test(codec.decode(r.value())), count, Duration.ofSeconds(30))
                    .stream().map(r -> codec.decode(r.value())).toList();
        }
    }

    /**
     * The message of a type about one RSVP: the registrations topic is keyed by the event (one
     * event's RSVPs are one stream), so the RSVP is found in the message.
     */
    public <T extends PodiumMessage> T rsvpMessage(Class<T> type, String eventId, String registrationId) {
        Predicate<PodiumMessage> matches = m -> type.isInstance(m) && registrationId.equals(registrationOf(m));
        try (TopicReader reader = TopicReader.fromBeginning(Topics.REGISTRATIONS)) {
            return reader.await(r -> eventId.equals(r.key()) && matches.test(codec.decode(r.value()).data()), 1, Duration.ofSeconds(30))
                    .stream().map(r -> type.cast(codec.decode(r.value()).data())).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " about RSVP " + registrationId));
        }
    }

    private static String registrationOf(PodiumMessage message) {
        if (message instanceof RegistrationConfirmed m) {
            return m.registration().registrationId();
        } else if (message instanceof RegistrationWaitlisted m) {
            return m.registration().registrationId();
        } else if (message instanceof RegistrationPromoted m) {
            return m.registration().registrationId();
        } else if (message instanceof RegistrationCancelled m) {
            return m.registration().registrationId();
        }
        return null;
    }

    public <T extends PodiumMessage> T message(String topic, Class<T> type, String subject) {
        List<T> found = messages(topic, type, subject, 1);
        if (found.isEmpty()) {
            throw new AssertionError("no " + type.getSimpleName() + " about " + subject + " on " + topic);
        }
        return found.get(0);
    }
}

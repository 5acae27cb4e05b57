package dev.podium.contracts;

import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.MemberLeft;
import dev.podium.contracts.notifications.MemberUnsubscribed;
import dev.podium.contracts.talks.TalkSubmitted;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageCodecTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final MessageCodec CODEC = new MessageCodec(JSON);
    private static final UUID ID = UUID.fromString("4b8e2f10-9a3c-4d5e-8f71-0c2b6a9d3e47");

    private static final MemberUnsubscribed UNSUBSCRIBED = new MemberUnsubscribed("uns-7f3a", null,
            "zoe.lefevre@example.org", Instant.parse("2027-03-20T18:42:00Z"));

    private static final String UNSUBSCRIBED_JSON = """
            {"specversion":"1.0",\
            "id":"4b8e2f10-9a3c-4d5e-8f71-0c2b6a9d3e47",\
            "source":"/podium/notifications-service",\
            "type":"podium.notifications.MemberUnsubscribed",\
            "subject":"uns-7f3a",\
            "time":"2027-03-20T18:42:00.250Z",\
            "datacontenttype":"application/json",\
            "data":{"unsubscriptionId":"uns-7f3a","groupId":null,"email":"zoe.lefevre@example.org",\
            "unsubscribedAt":"2027-03-20T18:42:00Z"}}""";

    @Test
    void writesTheWireFormat() {
        String json = CODEC.encode(UNSUBSCRIBED, "/podium/notifications-service", ID,
                Instant.parse("2027-03-20T18:42:00.250Z"));

        assertEquals(UNSUBSCRIBED_JSON, json);
    }

    @Test
    void carriesCausalityAsExtensionAttributesAndReadsItBack() {
        Causality causality = new Causality(new StreamVersion("group-members/g-1", 12),
                List.of(new StreamVersion("event-registrations/e-1", 3), new StreamVersion("group-members/g-2", 40)));
        String json = CODEC.encode(UNSUBSCRIBED, "/podium/notifications-service", ID,
                Instant.parse("2027-03-20T18:42:00.250Z"), causality);

        assertEquals(UNSUBSCRIBED_JSON.substring(0, UNSUBSCRIBED_JSON.length() - 1)
                + ",\"podiumstream\":\"group-members/g-1\",\"podiumversion\":12,"
                + "\"podiumafter\":\"event-registrations/e-1@3 group-members/g-2@40\"}", json);
        assertEquals(causality, CODEC.decode(json).envelope().causality());
        assertEquals(Causality.NONE, CODEC.decode(UNSUBSCRIBED_JSON).envelope().causality());
    }

    @Test
    void malformedCausalityIsUnreadable() {
        String json = UNSUBSCRIBED_JSON.substring(0, UNSUBSCRIBED_JSON.length() - 1) + ",\"podiumafter\":\"group-members/g-1@x\"}";

        assertThrows(UnreadableMessageException.class, () -> CODEC.decode(json));
    }

    @Test
    void writesLocalTimesWithoutOffsetAndInstantsInUtc() throws IOException {
        String json = CODEC.encode(new EventPublished(MessageSamples.PUBLISHED, Instant.parse("2027-02-01T17:00:00Z")),
                "/podium/events-service", ID, Instant.parse("2027-02-01T17:00:00.5Z"));

        JsonNode envelope = JSON.readValue(json, JsonNode.class);
        JsonNode event = envelope.get("data").get("event");
        assertEquals("2027-02-01T17:00:00.500Z", envelope.get("time").getStringValue());
        assertEquals("2027-02-01T17:00:00Z", envelope.get("data").get("publishedAt").getStringValue());
        assertEquals("2027-03-03T19:00:00", event.get("startsAt").getStringValue());
        assertEquals("2027-03-03T18:00:00Z", event.get("startsAtUtc").getStringValue());
        assertEquals("Europe/Paris", event.get("timeZone").getStringValue());
        assertEquals("2027-03-03T19:30:00", event.get("agenda").get(1).get("startsAt").getStringValue());
    }

    @Test
    void wireFormatDoesNotDependOnTheServicesSerdeSettings() throws IOException {
        try (var strict = ObjectMapper.create(Map.of(
                "micronaut.serde.serialization.inclusion", "non_empty",
                "micronaut.serde.deserialization.ignore-unknown", false))) {
            MessageCodec codec = new MessageCodec(strict);

            assertEquals(UNSUBSCRIBED_JSON, codec.encode(UNSUBSCRIBED, "/podium/notifications-service", ID,
                    Instant.parse("2027-03-20T18:42:00.250Z")));
            assertEquals(UNSUBSCRIBED, codec.decode(UNSUBSCRIBED_JSON
                    .replace("\"data\":{", "\"data\":{\"locale\":\"fr-FR\",")
                    .replace("\"datacontenttype\"", "\"partitionkey\":\"uns-7f3a\",\"datacontenttype\"")).data());
        }
    }

    @Test
    void readsTheWireFormat() {
        DecodedMessage decoded = CODEC.decode(UNSUBSCRIBED_JSON);

        assertEquals(UNSUBSCRIBED, decoded.dataAs(MemberUnsubscribed.class));
        assertEquals(Instant.parse("2027-03-20T18:42:00.250Z"), decoded.envelope().time());
    }

    @Test
    void ignoresFieldsAddedByNewerProducers() {
        EventPublished published = new EventPublished(MessageSamples.PUBLISHED, Instant.parse("2027-02-01T17:00:00Z"));
        String json = CODEC.encode(published, "/podium/events-service", ID, Instant.parse("2027-02-01T17:00:00Z"))
                .replace("\"datacontenttype\"", "\"traceparent\":\"00-4bf92f3577b34da6-00f067aa0ba902b7-01\","
                        + "\"datacontenttype\"")
                .replace("\"data\":{", "\"data\":{\"channel\":{\"kind\":\"web\",\"tags\":[1,2]},")
                .replace("\"event\":{", "\"event\":{\"seatsLeft\":12,")
                .replace("\"slotId\":\"slot-1\",", "\"slotId\":\"slot-1\",\"livestream\":null,");

        assertEquals(published, CODEC.decode(json).data());
    }

    @Test
    void carriesTheTraceOfTheChangeThatWroteItAsTheDistributedTracingExtension() {
        TraceContext trace = new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "podium=1");
        String json = CODEC.encode(UNSUBSCRIBED, "/podium/notifications-service", ID, Instant.parse("2027-03-20T18:42:00.250Z"),
                Causality.NONE, trace);

        assertTrue(json.contains("\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\""), json);
        assertEquals(trace, TraceContext.of(CODEC.decode(json).envelope()));
        assertEquals(TraceContext.NONE, TraceContext.of(CODEC.decode(UNSUBSCRIBED_JSON).envelope()));
        assertFalse(UNSUBSCRIBED_JSON.contains("traceparent"), "an untraced message carries no trace attributes");
    }

    @Test
    void readsAnAbsentListAsEmpty() {
        TalkSubmitted submitted = new TalkSubmitted(MessageSamples.NEURAL_ODE_TALK, Instant.parse("2027-01-20T21:47:12Z"));
        String json = CODEC.encode(submitted, "/podium/talks-service", ID, Instant.parse("2027-01-20T21:47:12Z"))
                .replace("\"tags\":[],", "");

        TalkSubmitted decoded = CODEC.decode(json).dataAs(TalkSubmitted.class);

        assertEquals(List.of(), decoded.talk().tags());
        assertEquals(submitted, decoded);
    }

    @Test
    void rejectsAnUnknownType() {
        assertUnreadable(UNSUBSCRIBED_JSON.replace("podium.notifications.MemberUnsubscribed",
                "podium.notifications.MemberResubscribed"));
    }

    @Test
    void rejectsAnotherSpecVersion() {
        assertUnreadable(UNSUBSCRIBED_JSON.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\""));
        assertUnreadable(UNSUBSCRIBED_JSON.replace("\"specversion\":\"1.0\",", ""));
    }

    @Test
    void rejectsAMissingId() {
        assertUnreadable(UNSUBSCRIBED_JSON.replace("\"id\":\"4b8e2f10-9a3c-4d5e-8f71-0c2b6a9d3e47\",", ""));
        assertUnreadable(UNSUBSCRIBED_JSON.replace("\"id\":\"4b8e2f10-9a3c-4d5e-8f71-0c2b6a9d3e47\"", "\"id\":\"\""));
    }

    @Test
    void rejectsAMissingTypeOrSource() {
        assertUnreadable(UNSUBSCRIBED_JSON.replace("\"type\":\"podium.notifications.MemberUnsubscribed\",", ""));
        assertUnreadable(UNSUBSCRIBED_JSON.replace("\"source\":\"/podium/notifications-service\",", ""));
    }

    @Test
    void rejectsDataThatIsNotJson() {
        assertUnreadable(UNSUBSCRIBED_JSON.replace("application/json", "application/xml"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"null", "[]", "\"1.0\"", "{\"specversion\":\"1.0\",\"id\":", "not json at all",
            "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"podium.events.PersonErased\"}",
            "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"podium.events.PersonErased\",\"data\":[]}",
            "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"podium.events.PersonErased\",\"data\":\"{}\"}"})
    void rejectsMalformedJson(String json) {
        assertUnreadable(json);
    }

    @Test
    void rejectsDataOfTheWrongShape() {
        assertUnreadable(UNSUBSCRIBED_JSON.replace("\"unsubscribedAt\":\"2027-03-20T18:42:00Z\"",
                "\"unsubscribedAt\":\"yesterday\""));
        assertUnreadable(UNSUBSCRIBED_JSON.replace("\"email\":\"zoe.lefevre@example.org\"", "\"email\":{}"));
    }

    @Test
    void rejectsAnEnumConstantItDoesNotKnow() {
        MemberLeft left = (MemberLeft) MessageSamples.all().stream()
                .filter(MemberLeft.class::isInstance).findFirst().orElseThrow();
        String json = CODEC.encode(left, "/podium/events-service", ID, Instant.parse("2027-04-01T12:00:00Z"));

        assertUnreadable(json.replace("\"UNSUBSCRIBED\"", "\"MOVED_AWAY\""));
    }

    @Test
    void refusesToEncodeAnUnregisteredMessage() {
        record Unregistered(String id) implements PodiumMessage {
            @Override
            public String subject() {
                return id;
            }
        }

        assertThrows(IllegalArgumentException.class,
                () -> CODEC.encode(new Unregistered("x"), "/podium/test", ID, Instant.now()));
    }

    private static void assertUnreadable(String json) {
        assertThrows(UnreadableMessageException.class, () -> CODEC.decode(json), json);
    }
}

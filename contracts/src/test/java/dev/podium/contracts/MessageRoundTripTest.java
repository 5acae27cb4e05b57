package dev.podium.contracts;

import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.talks.TalkSubmitted;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MessageRoundTripTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final MessageCodec CODEC = new MessageCodec(JSON);
    private static final UUID ID = UUID.fromString("1f0e8a52-7c3d-4b6a-9e21-5d4c3b2a1f00");
    private static final Instant TIME = Instant.parse("2027-02-01T17:00:00.123456Z");

    static Stream<Named<PodiumMessage>> samples() {
        return MessageSamples.all().stream().map(m -> Named.of(m.getClass().getSimpleName(), m));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void decodesWhatItEncodes(PodiumMessage message) {
        String json = CODEC.encode(message, "/podium/test", ID, TIME);

        DecodedMessage decoded = CODEC.decode(json);

        assertEquals(message, decoded.data());
        CloudEvent envelope = decoded.envelope();
        assertEquals("1.0", envelope.specversion());
        assertEquals(ID.toString(), envelope.id());
        assertEquals("/podium/test", envelope.source());
        assertEquals(MessageCatalog.byClass(message.getClass()).type(), envelope.type());
        assertEquals(message.subject(), envelope.subject());
        assertEquals(TIME, envelope.time());
        assertEquals("application/json", envelope.datacontenttype());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void dataHoldsExactlyTheRecordComponents(PodiumMessage message) throws IOException {
        JsonNode data = JSON.readValue(CODEC.encode(message, "/podium/test", ID, TIME), JsonNode.class).get("data");

        Set<String> fields = new HashSet<>();
        data.entries().forEach(e -> fields.add(e.getKey()));

        Set<String> components = new HashSet<>(Arrays.stream(message.getClass().getRecordComponents())
                .map(RecordComponent::getName).toList());
        assertEquals(components, fields);
        assertFalse(fields.contains("subject"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void abstractsAreNamedAbstract(PodiumMessage message) {
        String json = CODEC.encode(message, "/podium/test", ID, TIME);

        assertFalse(json.contains("abstractText"), json);
    }

    @Test
    void talkAbstractIsWrittenAsAbstract() throws IOException {
        JsonNode data = encodeToTree(new TalkSubmitted(MessageSamples.MENSCH_TALK,
                Instant.parse("2027-01-20T21:47:12Z"))).get("data");

        assertEquals(MessageSamples.MENSCH_ABSTRACT, data.get("talk").get("abstract").getStringValue());
    }

    @Test
    void agendaAbstractIsWrittenAsAbstract() throws IOException {
        JsonNode data = encodeToTree(new EventPublished(MessageSamples.PUBLISHED,
                Instant.parse("2027-02-01T17:00:00Z"))).get("data");

        assertEquals(MessageSamples.GRISEL_ABSTRACT,
                data.get("event").get("agenda").get(0).get("abstract").getStringValue());
    }

    private static JsonNode encodeToTree(PodiumMessage message) throws IOException {
        return JSON.readValue(CODEC.encode(message, "/podium/test", ID, TIME), JsonNode.class);
    }
}

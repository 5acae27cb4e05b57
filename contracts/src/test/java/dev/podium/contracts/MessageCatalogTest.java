package dev.podium.contracts;

import dev.podium.contracts.events.EventPublished;
import io.micronaut.serde.annotation.Serdeable;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageCatalogTest {

    @Test
    void everyTypeHasExactlyOneSample() {
        List<Class<?>> sampled = MessageSamples.all().stream().<Class<?>>map(Object::getClass).toList();
        Set<Class<?>> registered = MessageCatalog.all().stream().map(MessageType::javaType).collect(Collectors.toSet());

        assertEquals(registered, new HashSet<>(sampled), "MessageSamples must have one sample per catalog entry");
        assertEquals(sampled.size(), new HashSet<>(sampled).size(), "one sample per type");
    }

    @Test
    void typeNamesAndClassesAreRegisteredOnce() {
        List<MessageType<?>> all = MessageCatalog.all();

        assertEquals(all.size(), all.stream().map(MessageType::type).distinct().count());
        assertEquals(all.size(), all.stream().map(MessageType::javaType).distinct().count());
    }

    @Test
    void typesAreNamedAfterTheServiceThatOwnsTheirTopic() {
        for (MessageType<?> type : MessageCatalog.all()) {
            assertTrue(Topics.all().contains(type.topic()), type + " is on an unknown topic");
            String service = type.topic().split("\\.")[1];
            assertEquals("podium." + service + "." + type.javaType().getSimpleName(), type.type());
            assertTrue(type.javaType().isRecord() && type.javaType().isAnnotationPresent(Serdeable.class),
                    type + " must be a @Serdeable record");
        }
    }

    @Test
    void everyTopicCarriesMessages() {
        for (String topic : Topics.all()) {
            assertFalse(MessageCatalog.onTopic(topic).isEmpty(), topic);
        }
        assertEquals(7, Set.copyOf(Topics.all()).size());
    }

    @Test
    void looksUpTypes() {
        MessageType<EventPublished> published = MessageCatalog.byClass(EventPublished.class);

        assertEquals("podium.events.EventPublished", published.type());
        assertEquals(Topics.EVENTS, published.topic());
        assertEquals(published, MessageCatalog.byType("podium.events.EventPublished").orElseThrow());
        assertTrue(MessageCatalog.byType("podium.events.EventPostponed").isEmpty());
        assertEquals(5, MessageCatalog.onTopic(Topics.EVENTS).size());
        assertTrue(MessageCatalog.onTopic("podium.events.event.v2").isEmpty());
    }

    @Test
    void rejectsAnUnregisteredClass() {
        record Unregistered(String id) implements PodiumMessage {
            @Override
            public String subject() {
                return id;
            }
        }

        assertThrows(IllegalArgumentException.class, () -> MessageCatalog.byClass(Unregistered.class));
    }

    @Test
    void namesDeadLetterTopics() {
        assertEquals("podium.events.registration.v1.dlt", Topics.deadLetter(Topics.REGISTRATIONS));
    }
}

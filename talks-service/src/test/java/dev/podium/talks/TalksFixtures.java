package dev.podium.talks;

import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.EventCreated;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.devissuer.Identity;
import dev.podium.talks.catalog.Catalog;
import dev.podium.testsupport.TopicWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test data: events-service's messages fed through Kafka, requests, and the seed talks. */
public final class TalksFixtures {

    private TalksFixtures() {
    }

    // --- events-service's side, through Kafka ---

    public static void publish(MessageCodec codec, PodiumMessage message, UUID messageId) {
        publish(codec, message, messageId, null);
    }

    /** @param partition null to let the key choose it */
    public static void publish(MessageCodec codec, PodiumMessage message, UUID messageId, Integer partition) {
        TopicWriter.publish(codec, message, messageId, partition);
    }

    public static void publish(MessageCodec codec, PodiumMessage message) {
        publish(codec, message, UUID.randomUUID());
    }

    public static EventSnapshot event(String groupSlug, String title, String status, LocalDateTime startsAt, String timeZone) {
        return event(UUID.randomUUID().toString(), UUID.nameUUIDFromBytes(groupSlug.getBytes(StandardCharsets.UTF_8)).toString(),
                groupSlug, title, status, startsAt, timeZone);
    }

    public static EventSnapshot event(String eventId, String groupId, String groupSlug, String title, String status,
                               LocalDateTime startsAt, String timeZone) {
        ZoneId zone = ZoneId.of(timeZone);
        return new EventSnapshot(eventId, groupId, groupSlug, groupSlug + " group", "en", 13, title, null, status,
                startsAt, startsAt.plusHours(3), timeZone, startsAt.atZone(zone).toInstant(),
                startsAt.plusHours(3).atZone(zone).toInstant(), null, 120, 0, null, List.of());
    }

    public static String groupId(String slug) {
        return UUID.nameUUIDFromBytes(slug.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A group created by {@code creator}, with co-organisers: all known by sub and email. */
    public static GroupCreated group(String slug, Identity creator, Identity... coOrganisers) {
        List<PersonRef> organisers = new ArrayList<>();
        organisers.add(new PersonRef(creator.sub(), creator.name(), creator.email()));
        for (Identity organiser : coOrganisers) {
            organisers.add(new PersonRef(organiser.sub(), organiser.name(), organiser.email()));
        }
        return new GroupCreated(groupId(slug), slug, slug + " group", null, "Europe/Paris", "en", organisers, Instant.parse("2018-01-01T00:00:00Z"));
    }

    /** A group whose organisers events-service knows by email only (added before they had an account). */
    public static GroupCreated group(String slug, String... organiserEmails) {
        List<PersonRef> organisers = new ArrayList<>();
        for (String email : organiserEmails) {
            organisers.add(new PersonRef(null, email.substring(0, email.indexOf('@')), email));
        }
        return new GroupCreated(groupId(slug), slug, slug + " group", null, "Europe/Paris", "en", organisers, Instant.parse("2018-01-01T00:00:00Z"));
    }

    /** Publishes an event and waits until the read model has it. */
    public static EventSnapshot knownEvent(MessageCodec codec, Catalog catalog, EventSnapshot event) {
        knownEvents(codec, catalog, event);
        return event;
    }

    /** Publishes events and waits until the read model has them all. */
    public static void knownEvents(MessageCodec codec, Catalog catalog, EventSnapshot... events) {
        for (EventSnapshot event : events) {
            publish(codec, new EventCreated(event));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> java.util.Arrays.stream(events).allMatch(event -> catalog.event(event.eventId()).isPresent()));
    }

    /** Publishes a group and waits until the read model has it, with its organisers. */
    public static void knownGroup(MessageCodec codec, Catalog catalog, GroupCreated group) {
        publish(codec, group);
        await().atMost(Duration.ofSeconds(60)).until(() -> catalog.groupBySlug(group.slug()).isPresent());
    }

    // --- people ---

    /** Someone with an account: a fresh sub, and the name and email their tokens carry. */
    public static Identity person(String name, String email) {
        return new Identity("sub-" + UUID.randomUUID(), name, email, List.of());
    }

    /** An organiser: the sub follows from the email, so every test class names the same person the same way. */
    public static Identity organiser(String email) {
        return new Identity("sub-" + email, email.substring(0, email.indexOf('@')), email, List.of());
    }

    /** A person and their speaker profile. */
    public record SpeakerAccount(Identity identity, String id) {
    }

    // --- requests ---

    public static Map<String, Object> speaker(String name, String affiliation) {
        Map<String, Object> speaker = new LinkedHashMap<>();
        speaker.put("name", name);
        speaker.put("email", UUID.randomUUID() + "@speakers.example.org");
        speaker.put("affiliation", affiliation);
        speaker.put("position", "Researcher");
        speaker.put("bio", "Works on machine learning.");
        speaker.put("links", Map.of("site", "https://example.org/" + UUID.randomUUID(), "github", "https://github.com/example"));
        return speaker;
    }

    public static Map<String, Object> submission(String speakerId, String eventId, String title, String abstractText) {
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("speakerIds", List.of(speakerId));
        submission.put("eventId", eventId);
        submission.put("title", title);
        submission.put("abstract", abstractText);
        submission.put("format", "TALK");
        submission.put("durationMinutes", 30);
        submission.put("language", "en");
        submission.put("level", "ADVANCED");
        submission.put("tags", List.of("deep-learning"));
        submission.put("notes", "Needs a projector with HDMI.");
        return submission;
    }

    public static Map<String, Object> with(Map<String, Object> request, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(request);
        copy.put(field, value);
        return copy;
    }

    public static Map<String, Object> cfp(Instant opensAt, Instant closesAt) {
        return Map.of("opensAt", opensAt.toString(), "closesAt", closesAt.toString());
    }

    // --- the seeds ---

    /** A talk of Deep Learning Meetup #13 (seeds/000_2e23afdd145b62ce.txt). */
    public record SeedTalk(String speaker, String affiliation, String title, String abstractText) {
    }

    private static final Pattern TALK_LINE = Pattern.compile("^(.+?) \\((.+)\\) - (.+)$");

    public static List<SeedTalk> deepLearningMeetup13() {
        String text;
        try (var in = TalksFixtures.class.getResourceAsStream("/seeds/000_2e23afdd145b62ce.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SeedTalk> talks = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith("Abstract: ")) {
                Matcher talk = TALK_LINE.matcher(lines[i - 1]);
                if (!talk.matches()) {
                    throw new IllegalStateException("Unexpected seed line: " + lines[i - 1]);
                }
                talks.add(new SeedTalk(talk.group(1), talk.group(2), talk.group(3), lines[i].substring("Abstract: ".length())));
            }
        }
        if (talks.size() != 3) {
            throw new IllegalStateException("Expected the three talks of Deep Learning Meetup #13, found " + talks.size());
        }
        return talks;
    }
}

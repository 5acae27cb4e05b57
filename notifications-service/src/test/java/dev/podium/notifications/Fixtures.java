package dev.podium.notifications;

import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.AgendaSlotSnapshot;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.contracts.events.MemberJoined;
import dev.podium.contracts.events.MembershipSource;
import dev.podium.contracts.events.VenueSnapshot;
import dev.podium.devissuer.Identity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Messages as events-service and talks-service publish them, built from the seeds. */
public final class Fixtures {

    public static final String PARIS = "Europe/Paris";
    private static final Pattern TALK_LINE = Pattern.compile("^(.+?) \\((.+)\\) - (.+)$");

    private Fixtures() {
    }

    /** A unique address per test run, so tests sharing one SMTP server never count each other's mail. */
    public static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public static GroupCreated group(String groupId, String language, String organiserEmail) {
        return group(groupId, language, new Identity("sub-" + organiserEmail, "Orla Organiser", organiserEmail, List.of()));
    }

    /** A group created by {@code creator}, its first organiser. */
    public static GroupCreated group(String groupId, String language, Identity creator) {
        return new GroupCreated(groupId, "paris-dl-" + groupId.substring(0, 8), "Paris Deep Learning", "Monthly meetups", PARIS,
                language, List.of(new PersonRef(creator.sub(), creator.name(), creator.email())), Instant.now());
    }

    /** A person with an account, at a unique address. */
    public static Identity person(String who) {
        String sub = who + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new Identity(sub, who, sub + "@example.org", List.of());
    }

    public static MemberJoined member(String groupId, String email, boolean confirmed) {
        return new MemberJoined(groupId, "paris-dl", "Paris Deep Learning", "fr", UUID.randomUUID().toString(), "Membre " + email,
                email, MembershipSource.JOINED, confirmed,
                confirmed ? null : "https://events.podium.example/members/confirm?token=abc", Instant.now(), null);
    }

    /** A member an organiser imported (active at once, no opt-in of their own). */
    public static MemberJoined imported(String groupId, String email, String organiserName) {
        return new MemberJoined(groupId, "paris-dl", "Paris Deep Learning", "en", UUID.randomUUID().toString(), "Member " + email,
                email, MembershipSource.IMPORTED, true, null, Instant.now(), organiserName);
    }

    /** A seed talk of Deep Learning Meetup #13 ({@code seeds/000_2e23afdd145b62ce.txt}). */
    public record SeedTalk(String speaker, String affiliation, String title, String abstractText) {
    }

    public static List<SeedTalk> meetup13Talks() {
        String text;
        try {
            text = Files.readString(Path.of(System.getProperty("podium.seeds.dir", "../../shared/seeds"), "000_2e23afdd145b62ce.txt"),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SeedTalk> talks = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith("Abstract: ")) {
                Matcher talk = TALK_LINE.matcher(lines[i - 1]);
                if (talk.matches()) {
                    talks.add(new SeedTalk(talk.group(1), talk.group(2), talk.group(3), lines[i].substring("Abstract: ".length())));
                }
            }
        }
        if (talks.size() != 3) {
            throw new IllegalStateException("Expected the three talks of Deep Learning Meetup #13, found " + talks.size());
        }
        return talks;
    }

    /**
     * "Deep Learning Meetup #13": Wednesday 7 March 2029, 19:00–22:00 Paris time, the seed's three
     * talks with their abstracts, speakers at the given addresses.
     */
    public static EventSnapshot meetup13(String eventId, String groupId, List<String> speakerEmails) {
        List<SeedTalk> talks = meetup13Talks();
        List<AgendaSlotSnapshot> agenda = new ArrayList<>();
        LocalDateTime start = LocalDateTime.parse("2029-03-07T19:00");
        for (int i = 0; i < talks.size(); i++) {
            SeedTalk talk = talks.get(i);
            agenda.add(new AgendaSlotSnapshot("slot-" + i, start.plusMinutes(40L * i), start.plusMinutes(40L * (i + 1)), null, null,
                    "TALK", talk.title(), "talk-" + i,
                    List.of(new SpeakerRef("spk-" + i, null, talk.speaker(), speakerEmails.get(i), talk.affiliation())),
                    talk.abstractText()));
        }
        agenda.add(new AgendaSlotSnapshot("slot-social", start.plusHours(2), start.plusHours(3), null, null, "SOCIAL",
                "Pizzas 🍕 et boissons", null, List.of(), null));
        return event(eventId, groupId, "Deep Learning Meetup #13", "2029-03-07T19:00", "2029-03-07T22:00", 1, agenda);
    }

    public static EventSnapshot event(String eventId, String groupId, String title, String startsAt, String endsAt, int sequence,
                                      List<AgendaSlotSnapshot> agenda) {
        LocalDateTime start = startsAt == null ? null : LocalDateTime.parse(startsAt);
        LocalDateTime end = endsAt == null ? null : LocalDateTime.parse(endsAt);
        return new EventSnapshot(eventId, groupId, "paris-dl", "Paris Deep Learning", "fr", 13, title,
                "Chers DeepLearners, ce meetup est un peu plus orienté recherche que d'habitude… Avis aux allergiques des maths 🧮 !",
                "PUBLISHED", start, end, PARIS,
                start == null ? null : start.atZone(ZoneId.of(PARIS)).toInstant(),
                end == null ? null : end.atZone(ZoneId.of(PARIS)).toInstant(),
                new VenueSnapshot("venue-heuritech", "Heuritech", "248 rue du Faubourg Saint-Antoine", "Paris", "France",
                        "Pizzas et boissons après les talks"),
                120, sequence, "https://podium.example/events/" + eventId, agenda);
    }
}

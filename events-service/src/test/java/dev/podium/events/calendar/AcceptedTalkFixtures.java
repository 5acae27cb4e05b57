package dev.podium.events.calendar;

import dev.podium.contracts.common.SpeakerRef;
import dev.podium.events.talks.AcceptedTalk;
import dev.podium.events.talks.AcceptedTalkRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Talks that talks-service accepted, written straight into events-service's read model (as its
 * Kafka listener would), and agenda slots as organisers send them.
 */
final class AcceptedTalkFixtures {

    private AcceptedTalkFixtures() {
    }

    /** Returns the talk id. The speaker's email is there, as in the read model, to prove exports leave it out. */
    static String accept(AcceptedTalkRepository talks, String eventId, String title, String abstractText,
                         String speaker, String affiliation) {
        String talkId = UUID.randomUUID().toString();
        String email = speaker.toLowerCase().replaceAll("[^a-z]+", ".") + "@example.org";
        talks.save(new AcceptedTalk(talkId, eventId, title, abstractText, "TALK", 40,
                List.of(new SpeakerRef(UUID.randomUUID().toString(), null, speaker, email, affiliation)),
                "ACCEPTED", Instant.parse("2029-01-10T09:00:00Z")));
        return talkId;
    }

    /** A slot of PUT /events/{id}/agenda; null values are left out. */
    static Map<String, Object> slot(String startsAt, String endsAt, String kind, String title, String talkId,
                                    String track, String room) {
        Map<String, Object> slot = new LinkedHashMap<>();
        slot.put("startsAt", startsAt);
        slot.put("endsAt", endsAt);
        slot.put("kind", kind);
        slot.put("title", title);
        if (talkId != null) {
            slot.put("talkId", talkId);
        }
        if (track != null) {
            slot.put("track", track);
        }
        if (room != null) {
            slot.put("room", room);
        }
        return slot;
    }
}

package dev.podium.calendar;

import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.AgendaSlotSnapshot;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.VenueSnapshot;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Events of the seeds (shared/seeds), as events-service snapshots them. */
final class SeedEvents {

    static final VenueSnapshot HEURITECH = new VenueSnapshot("venue-heuritech", "Heuritech",
            "248 rue du Faubourg Saint-Antoine", "Paris", "France", "Pizzas and drinks after the talks");

    private SeedEvents() {
    }

    /** "Deep Learning Meetup #13": Wednesday 7 March, 19:00–22:00 in Paris, three talks. */
    static EventSnapshot meetup13() {
        return event("evt-dl-13", 13, "Deep Learning Meetup #13",
                "Dear DeepLearners, our next Meetup is a bit more focused on research than usual… To those afraid of math, beware!",
                "PUBLISHED", "2029-03-07T19:00", "2029-03-07T22:00", "Europe/Paris", HEURITECH, 1, List.of(
                        talk("slot-1", "2029-03-07T19:00", "2029-03-07T19:40", "Generalization in Deep networks",
                                speaker("Olivier Grisel", "ML Expert - Software Engineer at INRIA")),
                        talk("slot-2", "2029-03-07T19:40", "2029-03-07T20:20",
                                "Differentiable Dynamic Programming for Structured Prediction and Attention",
                                speaker("Arthur Mensch", "PhD Candidate at INRIA Parietal")),
                        talk("slot-3", "2029-03-07T20:20", "2029-03-07T21:00",
                                "2D/3D Pose Estimation and Action Recognition using Multitask Deep Learning",
                                speaker("Diogo Luvizon", "PhD Candidate at ETIS - Université de Cergy")),
                        new AgendaSlotSnapshot("slot-4", LocalDateTime.parse("2029-03-07T21:00"),
                                LocalDateTime.parse("2029-03-07T22:00"), null, null, "SOCIAL", "Pizzas and drinks",
                                null, List.of(), null)));
    }

    static EventSnapshot event(String id, Integer number, String title, String description, String status, String startsAt,
                               String endsAt, String zone, VenueSnapshot venue, int sequence, List<AgendaSlotSnapshot> agenda) {
        LocalDateTime start = startsAt == null ? null : LocalDateTime.parse(startsAt);
        LocalDateTime end = endsAt == null ? null : LocalDateTime.parse(endsAt);
        return new EventSnapshot(id, "grp-paris-dl", "paris-deep-learning", "Paris Deep Learning", "fr", number, title,
                description, status, start, end, zone,
                start == null ? null : start.atZone(ZoneId.of(zone)).toInstant(),
                end == null ? null : end.atZone(ZoneId.of(zone)).toInstant(),
                venue, 120, sequence, "https://podium.example/events/" + id, agenda);
    }

    static AgendaSlotSnapshot talk(String slotId, String startsAt, String endsAt, String title, SpeakerRef speaker) {
        return new AgendaSlotSnapshot(slotId, LocalDateTime.parse(startsAt), LocalDateTime.parse(endsAt), null, null,
                "TALK", title, "talk-" + slotId, List.of(speaker), "Abstract of " + title);
    }

    static SpeakerRef speaker(String name, String affiliation) {
        return new SpeakerRef("spk-" + name.hashCode(), null, name, name.toLowerCase().replace(' ', '.') + "@example.org",
                affiliation);
    }
}

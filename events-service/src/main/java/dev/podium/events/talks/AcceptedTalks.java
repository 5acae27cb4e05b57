package dev.podium.events.talks;

import dev.podium.api.ReadModelWait;
import dev.podium.api.ReadModelWait.Fact;
import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.talks.TalkAccepted;
import dev.podium.contracts.talks.TalkConfirmed;
import dev.podium.contracts.talks.TalkMaterialsPublished;
import dev.podium.contracts.talks.TalkRejected;
import dev.podium.contracts.talks.TalkSnapshot;
import dev.podium.contracts.talks.TalkUpdated;
import dev.podium.contracts.talks.TalkWithdrawn;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the accepted-talk read model in step with talks-service: accepted and confirmed talks
 * can be placed in an agenda; a withdrawn or rejected one no longer can.
 */
@Singleton
public class AcceptedTalks {

    private static final Set<String> PLACEABLE = Set.of("ACCEPTED", "CONFIRMED");
    /** As talks-service names an erased speaker. */
    static final String ERASED_SPEAKER = "Erased speaker";

    private final AcceptedTalkRepository talks;
    private final ReadModelWait readModel;
    private final Clock clock;

    AcceptedTalks(AcceptedTalkRepository talks, ReadModelWait readModel, Clock clock) {
        this.talks = talks;
        this.readModel = readModel;
        this.clock = clock;
    }

    /**
     * Waits, outside any transaction, until the read model holds every one of these talks (a talk
     * accepted a moment ago is still on its way from talks-service); 409 not-yet-known, with
     * Retry-After, for one it still does not hold after {@code podium.read-models.wait}.
     */
    public void await(Collection<String> talkIds) {
        if (talkIds.isEmpty()) {
            return;
        }
        readModel.awaitAll(() -> {
            Set<String> known = talks.findByTalkIdIn(talkIds).stream().map(AcceptedTalk::talkId).collect(Collectors.toSet());
            return talkIds.stream().filter(id -> !known.contains(id)).toList();
        }, AcceptedTalks::fact);
    }

    /** 409 not-yet-known for a talk the read model does not hold, at once (inside a transaction). */
    public RuntimeException notYetKnown(String talkId) {
        return readModel.notYetKnown(fact(talkId));
    }

    /**
     * Only accepted talks reach the read model, and a withdrawn or rejected one leaves it: from here,
     * such a talk, one accepted a moment ago and an id that never existed all look alike.
     */
    private static Fact fact(String talkId) {
        return new Fact("talk", talkId, "talks-service", "accepted",
                "check the talk id, and that the talk is accepted and was not withdrawn or rejected since:"
                        + " those and an id that never existed look the same from here.");
    }

    public void apply(DecodedMessage message) {
        if (message.data() instanceof TalkAccepted accepted) {
            save(accepted.talk());
        } else if (message.data() instanceof TalkConfirmed confirmed) {
            save(confirmed.talk());
        } else if (message.data() instanceof TalkUpdated updated) {
            saveIfKnown(updated.talk());
        } else if (message.data() instanceof TalkMaterialsPublished published) {
            saveIfKnown(published.talk());
        } else if (message.data() instanceof TalkWithdrawn withdrawn) {
            talks.deleteById(withdrawn.talk().submissionId());
        } else if (message.data() instanceof TalkRejected rejected) {
            talks.deleteById(rejected.talk().submissionId());
        }
    }

    /** Part of a person's erasure: a talk they speak in keeps its slot, without them. */
    public void erasePerson(String email) {
        for (AcceptedTalk talk : talks.findBySpeakersMentioning('"' + email + '"')) {
            List<SpeakerRef> speakers = talk.speakers().stream()
                    .map(speaker -> email.equalsIgnoreCase(speaker.email())
                            ? new SpeakerRef(speaker.speakerId(), null, ERASED_SPEAKER, null, null) : speaker)
                    .toList();
            talks.update(new AcceptedTalk(talk.talkId(), talk.eventId(), talk.title(), talk.abstractText(), talk.format(),
                    talk.durationMinutes(), speakers, talk.status(), clock.instant()));
        }
    }

    private void saveIfKnown(TalkSnapshot talk) {
        if (talks.existsById(talk.submissionId())) {
            save(talk);
        }
    }

    private void save(TalkSnapshot talk) {
        if (!PLACEABLE.contains(talk.status())) {
            return;
        }
        AcceptedTalk row = new AcceptedTalk(talk.submissionId(), talk.eventId(), talk.title(), talk.abstractText(),
                talk.format(), talk.durationMinutes(), talk.speakers(), talk.status(), clock.instant());
        if (talks.existsById(row.talkId())) {
            talks.update(row);
        } else {
            talks.save(row);
        }
    }
}

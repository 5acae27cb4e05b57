package dev.podium.events.talks;

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
import java.util.List;
import java.util.Set;

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
    private final Clock clock;

    AcceptedTalks(AcceptedTalkRepository talks, Clock clock) {
        this.talks = talks;
        this.clock = clock;
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

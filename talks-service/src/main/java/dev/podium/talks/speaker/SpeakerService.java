package dev.podium.talks.speaker;

import dev.podium.api.Conflict;
import dev.podium.api.NotFound;
import dev.podium.api.DuplicateKey;
import dev.podium.talks.support.Ids;
import dev.podium.talks.support.Times;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

@Singleton
public class SpeakerService {

    private static final String EMAIL_KEY = "uk_speaker_email";

    private final SpeakerRepository speakers;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<SpeakerProfileChanged> changes;
    private final Clock clock;

    SpeakerService(SpeakerRepository speakers, TransactionOperations<Connection> transactions,
                   ApplicationEventPublisher<SpeakerProfileChanged> changes, Clock clock) {
        this.speakers = speakers;
        this.transactions = transactions;
        this.changes = changes;
        this.clock = clock;
    }

    public SpeakerView create(SpeakerRequest request) {
        Instant now = Times.now(clock);
        SpeakerLinks links = request.links() == null ? new SpeakerLinks(null, null, null) : request.links();
        Speaker speaker = new Speaker(Ids.newId(), request.name(), request.email().strip(), blankToNull(request.affiliation()),
                blankToNull(request.position()), blankToNull(request.bio()), blankToNull(links.site()),
                blankToNull(links.github()), blankToNull(links.slides()), now, now);
        return uniqueEmail(speaker.email(), () -> transactions.executeWrite(status -> {
            requireEmailFree(speaker.email(), null);
            return SpeakerView.of(speakers.save(speaker));
        }));
    }

    public SpeakerView get(String id) {
        return transactions.executeRead(status -> speakers.findById(id).map(SpeakerView::of)
                .orElseThrow(() -> new NotFound("speaker", id)));
    }

    public SpeakerView update(String id, SpeakerPatch patch) {
        String email = patch.email() == null ? null : patch.email().strip();
        return uniqueEmail(email, () -> transactions.executeWrite(status -> {
            Speaker current = speakers.findById(id).orElseThrow(() -> new NotFound("speaker", id));
            if (email != null) {
                requireEmailFree(email, id);
            }
            SpeakerLinks links = patch.links();
            Speaker updated = new Speaker(id,
                    patch.name() == null ? current.name() : patch.name(),
                    email == null ? current.email() : email,
                    patch.affiliation() == null ? current.affiliation() : blankToNull(patch.affiliation()),
                    patch.position() == null ? current.position() : blankToNull(patch.position()),
                    patch.bio() == null ? current.bio() : blankToNull(patch.bio()),
                    links == null ? current.siteUrl() : blankToNull(links.site()),
                    links == null ? current.githubUrl() : blankToNull(links.github()),
                    links == null ? current.slidesUrl() : blankToNull(links.slides()),
                    current.createdAt(), Times.now(clock));
            speakers.update(updated);
            changes.publishEvent(new SpeakerProfileChanged(id));
            return SpeakerView.of(updated);
        }));
    }

    private void requireEmailFree(String email, @Nullable String exceptSpeakerId) {
        speakers.findByEmail(email)
                .filter(other -> !other.id().equals(exceptSpeakerId))
                .ifPresent(other -> {
                    throw emailTaken(email);
                });
    }

    /** A concurrent request may take the email between the check and the insert: the unique key says so. */
    private static <T> T uniqueEmail(@Nullable String email, Supplier<T> work) {
        return DuplicateKey.refused(EMAIL_KEY, () -> emailTaken(email), work);
    }

    private static Conflict emailTaken(@Nullable String email) {
        return new Conflict("speaker-email-taken", "Email already used",
                "A speaker profile with the email " + email + " already exists");
    }

    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

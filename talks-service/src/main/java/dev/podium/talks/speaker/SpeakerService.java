package dev.podium.talks.speaker;

import dev.podium.api.Conflict;
import dev.podium.api.NotFound;
import dev.podium.api.RuleViolation;
import dev.podium.persistence.ConflictRetry;
import dev.podium.persistence.DuplicateKey;
import dev.podium.security.Caller;
import dev.podium.talks.support.Ids;
import dev.podium.talks.support.Times;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Speaker profiles: each person creates their own (one per account) and edits it; anyone reads the
 * public part, only the owner and admin see the email.
 */
@Singleton
public class SpeakerService {

    private static final String EMAIL_KEY = "uk_speaker_email";
    private static final String OWNER_KEY = "uk_speaker_owner_sub";

    private final SpeakerRepository speakers;
    private final SpeakerAccess access;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<SpeakerProfileChanged> changes;
    private final SpeakerTalks talks;
    private final Clock clock;

    SpeakerService(SpeakerRepository speakers, SpeakerAccess access, TransactionOperations<Connection> transactions,
                   ApplicationEventPublisher<SpeakerProfileChanged> changes, SpeakerTalks talks, Clock clock) {
        this.speakers = speakers;
        this.access = access;
        this.transactions = transactions;
        this.changes = changes;
        this.talks = talks;
        this.clock = clock;
    }

    /** @throws Conflict speaker-profile-exists (409) when the caller already has a profile */
    public SpeakerView create(SpeakerRequest request, Caller caller) {
        Instant now = Times.now(clock);
        String email = request.email() == null || request.email().isBlank()
                ? (caller.emailVerified() ? caller.email() : null)
                : emailOf(request.email(), caller);
        SpeakerLinks links = request.links() == null ? new SpeakerLinks(null, null, null) : request.links();
        Speaker speaker = new Speaker(Ids.newId(), caller.sub(), request.name(), email, blankToNull(request.affiliation()),
                blankToNull(request.position()), blankToNull(request.bio()), blankToNull(links.site()),
                blankToNull(links.github()), blankToNull(links.slides()), now, now);
        // Two concurrent first profiles of one account: the unique key on owner_sub refuses the second.
        return DuplicateKey.refused(OWNER_KEY, () -> profileExists(null),
                () -> uniqueEmail(email, () -> ConflictRetry.retried(() -> transactions.executeWrite(status -> {
                    profileOf(caller).ifPresent(existing -> {
                        throw profileExists(existing.id());
                    });
                    if (email != null) {
                        requireEmailFree(email, null);
                    }
                    return SpeakerView.of(speakers.save(speaker), true);
                }))));
    }

    /** Public, without the email unless the caller owns the profile or is admin. */
    public SpeakerView get(String id, Optional<Caller> caller) {
        return transactions.executeRead(status -> {
            Speaker speaker = speakers.findById(id).orElseThrow(() -> new NotFound("speaker", id));
            return SpeakerView.of(speaker, caller.filter(c -> access.actsFor(speaker, c)).isPresent());
        });
    }

    /**
     * What a speaker's page shows, to anyone alike: the public profile (never the email, whoever
     * asks) and their talks in the public archive.
     */
    public PublicSpeaker publicProfile(String id) {
        return transactions.executeRead(status -> {
            Speaker speaker = speakers.findById(id).orElseThrow(() -> new NotFound("speaker", id));
            return new PublicSpeaker(SpeakerView.of(speaker, false), talks.of(id));
        });
    }

    /** A speaker's page: their profile without its email, and their talks in the public archive, newest first. */
    public record PublicSpeaker(SpeakerView profile, List<SpeakerTalks.Talk> talks) {
    }

    /** By its owner or admin; 403 to anyone else (profiles are public). */
    public SpeakerView update(String id, SpeakerPatch patch, Caller caller) {
        String email = patch.email() == null ? null : emailOf(patch.email(), caller);
        return uniqueEmail(email, () -> ConflictRetry.retried(() -> transactions.executeWrite(status -> {
            Speaker current = speakers.findById(id).orElseThrow(() -> new NotFound("speaker", id));
            access.requireActsFor(current, caller);
            if (email != null) {
                requireEmailFree(email, id);
            }
            SpeakerLinks links = patch.links();
            Speaker updated = new Speaker(id, current.ownerSub(),
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
            return SpeakerView.of(updated, true);
        })));
    }

    /** The caller's profile: the one their account created, else one made before accounts with their verified email. */
    public Optional<Speaker> profileOf(Caller caller) {
        return speakers.findByOwnerSub(caller.sub())
                .or(() -> caller.emailVerified() && caller.email() != null
                        ? speakers.findByEmail(caller.email()).filter(speaker -> speaker.ownedBy(caller))
                        : Optional.empty());
    }

    /**
     * A profile's email is one its owner proved (the token's verified email), so nobody can take
     * someone else's address (invitations and erasures find profiles by email); an admin may set any.
     */
    private static String emailOf(String requested, Caller caller) {
        String email = requested.strip();
        if (caller.admin() || (caller.emailVerified() && email.equalsIgnoreCase(caller.email()))) {
            return email;
        }
        throw new RuleViolation("unverified-email", "Email not verified",
                "A speaker profile's email must be the verified email of your account");
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

    private static Conflict profileExists(@Nullable String speakerId) {
        return new Conflict("speaker-profile-exists", "Speaker profile exists",
                "You already have a speaker profile" + (speakerId == null ? "" : ": /speakers/" + speakerId)
                        + "; change it with PATCH");
    }

    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

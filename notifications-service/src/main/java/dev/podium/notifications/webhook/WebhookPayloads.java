package dev.podium.notifications.webhook;

import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.contracts.events.VenueSnapshot;
import dev.podium.contracts.talks.Materials;
import dev.podium.contracts.talks.TalkSnapshot;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The {@code data} of each webhook type, version 1 (README "Webhooks"): what the group's organisers
 * may see, and no more. Not the Kafka messages themselves: signed links meant for one attendee (their
 * RSVP's manage link, a member's confirmation link) and the speakers' addresses stay out. Fields are
 * only ever added; a breaking change is a new type.
 */
final class WebhookPayloads {

    private WebhookPayloads() {
    }

    @Serdeable
    record Venue(String name, String address, String city, String country) {
        static Venue of(@Nullable VenueSnapshot venue) {
            return venue == null ? null : new Venue(venue.name(), venue.address(), venue.city(), venue.country());
        }
    }

    @Serdeable
    record Event(String id, String groupSlug, @Nullable Integer number, String title, String status,
                 @Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt, String timeZone,
                 @Nullable Instant startsAtUtc, @Nullable Instant endsAtUtc, @Nullable Venue venue,
                 @Nullable Integer capacity, int sequence, @Nullable String url) {

        static Event of(EventSnapshot event) {
            return new Event(event.eventId(), event.groupSlug(), event.number(), event.title(), event.status(),
                    event.startsAt(), event.endsAt(), event.timeZone(), event.startsAtUtc(), event.endsAtUtc(),
                    Venue.of(event.venue()), event.capacity(), event.sequence(), event.url());
        }
    }

    /** {@code event.published}, {@code event.updated} (with what changed), {@code event.cancelled} (with the reason). */
    @Serdeable
    record EventData(Event event, @Nullable List<String> changes, @Nullable String reason) {
    }

    @Serdeable
    record EventSummary(String id, String groupSlug, String title, @Nullable Instant startsAtUtc, @Nullable String url) {
        static EventSummary of(EventRef event) {
            return new EventSummary(event.eventId(), event.groupSlug(), event.title(), event.startsAtUtc(), event.url());
        }
    }

    @Serdeable
    record Person(@Nullable String name, String email) {
    }

    /** {@code registration.*}: the RSVP as the organisers' attendee list shows it. */
    @Serdeable
    record RegistrationData(String registrationId, EventSummary event, Person attendee, String status,
                            @Nullable Integer waitlistPosition, Instant createdAt, @Nullable String cancelledBy) {
        static RegistrationData of(RegistrationSnapshot registration, EventRef event, @Nullable String cancelledBy) {
            return new RegistrationData(registration.registrationId(), EventSummary.of(event),
                    new Person(registration.attendee().name(), registration.attendee().email()), registration.status(),
                    registration.waitlistPosition(), registration.createdAt(), cancelledBy);
        }
    }

    /** {@code member.joined} (once the membership is active) and {@code member.left} (with why). */
    @Serdeable
    record MemberData(String memberId, String groupSlug, @Nullable String name, String email, @Nullable String source,
                      @Nullable String reason) {
    }

    @Serdeable
    record Speaker(String name) {
    }

    @Serdeable
    record Talk(String submissionId, @Nullable String eventId, String title, String abstractText, String format,
                int durationMinutes, @Nullable String language, @Nullable String level, List<String> tags,
                List<Speaker> speakers, String status) {
        static Talk of(TalkSnapshot talk) {
            return new Talk(talk.submissionId(), talk.eventId(), talk.title(), talk.abstractText(), talk.format(),
                    talk.durationMinutes(), talk.language(), talk.level(), talk.tags(),
                    talk.speakers().stream().map(speaker -> new Speaker(speaker.name())).toList(), talk.status());
        }
    }

    @Serdeable
    record MaterialsData(@Nullable String slidesUrl, @Nullable String videoUrl, @Nullable String codeUrl) {
        static MaterialsData of(Materials materials) {
            return new MaterialsData(materials.slidesUrl(), materials.videoUrl(), materials.codeUrl());
        }
    }

    /** {@code talk.*}: the submission; the decision's reason for accepted/rejected, the materials once published. */
    @Serdeable
    record TalkData(Talk talk, @Nullable String reason, @Nullable MaterialsData materials) {
    }

    /** {@code webhook.ping}. */
    @Serdeable
    record PingData(String endpointId) {
    }

    /** The body every webhook carries (Standard Webhooks): {@code data} is the type's payload above. */
    @Serdeable
    record Body(String type, Instant timestamp, Object data) {
    }
}

package dev.podium.notifications.webhook;

import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.events.CancelledBy;
import dev.podium.contracts.events.EventCancelled;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.EventUpdated;
import dev.podium.contracts.events.MemberConfirmed;
import dev.podium.contracts.events.MemberJoined;
import dev.podium.contracts.events.MemberLeft;
import dev.podium.contracts.events.RegistrationCancelled;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationPromoted;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.contracts.events.RegistrationWaitlisted;
import dev.podium.contracts.talks.TalkAccepted;
import dev.podium.contracts.talks.TalkMaterialsPublished;
import dev.podium.contracts.talks.TalkRejected;
import dev.podium.contracts.talks.TalkSnapshot;
import dev.podium.contracts.talks.TalkSubmitted;
import dev.podium.notifications.webhook.WebhookPayloads.EventData;
import dev.podium.notifications.webhook.WebhookPayloads.MaterialsData;
import dev.podium.notifications.webhook.WebhookPayloads.MemberData;
import dev.podium.notifications.webhook.WebhookPayloads.RegistrationData;
import dev.podium.notifications.webhook.WebhookPayloads.Talk;
import dev.podium.notifications.webhook.WebhookPayloads.TalkData;
import dev.podium.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Turns the facts notifications-service consumes (events, RSVPs, members, talks) into webhook
 * messages for the group's endpoints; called by the topic listeners in the transaction that records
 * the fact (idempotent consumer). Messages about one event (its changes and its RSVPs), one talk or
 * one group's members are delivered to each endpoint in the order they were recorded.
 */
@Singleton
public class WebhookFacts {

    private final WebhookOutbox outbox;
    private final Sql sql;

    WebhookFacts(WebhookOutbox outbox, Sql sql) {
        this.outbox = outbox;
        this.sql = sql;
    }

    public void on(DecodedMessage message) {
        String id = message.envelope().id();
        Object data = message.data();
        if (data instanceof EventPublished published) {
            outbox.record(id, published.event().groupId(), WebhookType.EVENT_PUBLISHED, eventKey(published.event().eventId()),
                    published.publishedAt(), new EventData(WebhookPayloads.Event.of(published.event()), null, null));
        } else if (data instanceof EventUpdated updated) {
            outbox.record(id, updated.event().groupId(), WebhookType.EVENT_UPDATED, eventKey(updated.event().eventId()),
                    updated.updatedAt(), new EventData(WebhookPayloads.Event.of(updated.event()),
                            updated.changes().stream().map(Enum::name).toList(), null));
        } else if (data instanceof EventCancelled cancelled) {
            outbox.record(id, cancelled.event().groupId(), WebhookType.EVENT_CANCELLED, eventKey(cancelled.event().eventId()),
                    cancelled.cancelledAt(), new EventData(WebhookPayloads.Event.of(cancelled.event()), null, cancelled.reason()));
        } else if (data instanceof RegistrationConfirmed confirmed) {
            registration(message, WebhookType.REGISTRATION_CONFIRMED, confirmed.registration(), confirmed.event(), null);
        } else if (data instanceof RegistrationWaitlisted waitlisted) {
            registration(message, WebhookType.REGISTRATION_WAITLISTED, waitlisted.registration(), waitlisted.event(), null);
        } else if (data instanceof RegistrationPromoted promoted) {
            registration(message, WebhookType.REGISTRATION_PROMOTED, promoted.registration(), promoted.event(), null);
        } else if (data instanceof RegistrationCancelled cancelled) {
            registration(message, WebhookType.REGISTRATION_CANCELLED, cancelled.registration(), cancelled.event(), cancelled.cancelledBy());
        } else if (data instanceof MemberJoined joined && joined.confirmed()) {
            // An unconfirmed join becomes a membership with its MemberConfirmed (double opt-in).
            outbox.record(id, joined.groupId(), WebhookType.MEMBER_JOINED, groupKey(joined.groupId()), joined.joinedAt(),
                    new MemberData(joined.memberId(), joined.slug(), joined.name(), joined.email(), joined.source().name(), null));
        } else if (data instanceof MemberConfirmed confirmed) {
            outbox.record(id, confirmed.groupId(), WebhookType.MEMBER_JOINED, groupKey(confirmed.groupId()), confirmed.confirmedAt(),
                    new MemberData(confirmed.memberId(), confirmed.slug(), memberName(confirmed.groupId(), confirmed.email()),
                            confirmed.email(), null, null));
        } else if (data instanceof MemberLeft left) {
            outbox.record(id, left.groupId(), WebhookType.MEMBER_LEFT, groupKey(left.groupId()), left.leftAt(),
                    new MemberData(left.memberId(), left.slug(), null, left.email(), null, left.reason().name()));
        } else if (data instanceof TalkSubmitted submitted) {
            talk(id, WebhookType.TALK_SUBMITTED, submitted.talk(), submitted.submittedAt(),
                    new TalkData(Talk.of(submitted.talk()), null, null));
        } else if (data instanceof TalkAccepted accepted) {
            talk(id, WebhookType.TALK_ACCEPTED, accepted.talk(), accepted.decidedAt(),
                    new TalkData(Talk.of(accepted.talk()), accepted.reason(), null));
        } else if (data instanceof TalkRejected rejected) {
            talk(id, WebhookType.TALK_REJECTED, rejected.talk(), rejected.decidedAt(),
                    new TalkData(Talk.of(rejected.talk()), rejected.reason(), null));
        } else if (data instanceof TalkMaterialsPublished materials) {
            talk(id, WebhookType.TALK_MATERIALS_PUBLISHED, materials.talk(), materials.publishedAt(),
                    new TalkData(Talk.of(materials.talk()), null, MaterialsData.of(materials.materials())));
        }
    }

    /** An RSVP's messages carry no time of their change: the fact's envelope has it. */
    private void registration(DecodedMessage message, WebhookType type, RegistrationSnapshot registration, EventRef event,
                              @Nullable CancelledBy cancelledBy) {
        Instant at = message.envelope().time() != null ? message.envelope().time() : registration.createdAt();
        outbox.record(message.envelope().id(), event.groupId(), type, eventKey(event.eventId()), at,
                RegistrationData.of(registration, event, cancelledBy == null ? null : cancelledBy.name()));
    }

    private void talk(String id, WebhookType type, TalkSnapshot talk, Instant at, TalkData data) {
        if (talk.groupId() != null) {
            outbox.record(id, talk.groupId(), type, "talk:" + talk.submissionId(), at, data);
        }
    }

    @Nullable
    private String memberName(String groupId, String email) {
        return sql.one("SELECT name FROM group_member WHERE group_id = ? AND email = ?", row -> row.getString(1), groupId, email)
                .orElse(null);
    }

    private static String eventKey(String eventId) {
        return "event:" + eventId;
    }

    private static String groupKey(String groupId) {
        return "group:" + groupId;
    }
}

package dev.podium.notifications.trigger;

import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.talks.CoSpeakerInvited;
import dev.podium.contracts.talks.Materials;
import dev.podium.contracts.talks.TalkAccepted;
import dev.podium.contracts.talks.TalkMaterialsPublished;
import dev.podium.contracts.talks.TalkRejected;
import dev.podium.contracts.talks.TalkSnapshot;
import dev.podium.contracts.talks.TalkSubmitted;
import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.audience.GroupInfo;
import dev.podium.notifications.audience.KnownEvents;
import dev.podium.notifications.audience.Recipient;
import dev.podium.notifications.email.EmailLanguage;
import dev.podium.notifications.email.TalkModel;
import dev.podium.notifications.notification.NewNotification;
import dev.podium.notifications.notification.NotificationKind;
import dev.podium.notifications.notification.Notifications;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What talks-service's messages make Podium write: the submission receipt (speakers) and notice
 * (the group's organisers), the decision, the co-speaker invitation, and "the slides are online" to
 * the event's attendees.
 */
@Singleton
public class TalkNotifications {

    private final Audience audience;
    private final KnownEvents events;
    private final Notifications notifications;

    TalkNotifications(Audience audience, KnownEvents events, Notifications notifications) {
        this.audience = audience;
        this.events = events;
        this.notifications = notifications;
    }

    public void on(DecodedMessage message) {
        String id = message.envelope().id();
        if (message.data() instanceof TalkSubmitted submitted) {
            TalkSnapshot talk = submitted.talk();
            record(NotificationKind.SUBMISSION_RECEIPT, id, talk, Map.of(), speakers(talk));
            if (talk.groupId() != null) {
                record(NotificationKind.SUBMISSION_FOR_ORGANISERS, id, talk, Map.of(), audience.organisers(talk.groupId()));
            }
        } else if (message.data() instanceof TalkAccepted accepted) {
            record(NotificationKind.TALK_ACCEPTED, id, accepted.talk(), reason(accepted.reason()), speakers(accepted.talk()));
        } else if (message.data() instanceof TalkRejected rejected) {
            record(NotificationKind.TALK_REJECTED, id, rejected.talk(), reason(rejected.reason()), speakers(rejected.talk()));
        } else if (message.data() instanceof CoSpeakerInvited invited) {
            invited(id, invited);
        } else if (message.data() instanceof TalkMaterialsPublished published) {
            materials(id, published);
        }
    }

    private void invited(String messageId, CoSpeakerInvited invited) {
        String language = language(invited.talk());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("invitedBy", invited.invitedByName());
        extra.put("acceptUrl", invited.acceptUrl());
        extra.put("expiresAt", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(EmailLanguage.locale(language)).withZone(ZoneOffset.UTC).format(invited.expiresAt()) + " UTC");
        record(NotificationKind.CO_SPEAKER_INVITATION, messageId, invited.talk(), extra,
                List.of(Recipient.of(invited.inviteeEmail(), null)));
    }

    private void materials(String messageId, TalkMaterialsPublished published) {
        TalkSnapshot talk = published.talk();
        if (talk.eventId() == null) {
            return;
        }
        Materials materials = published.materials();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("slidesUrl", materials.slidesUrl());
        extra.put("videoUrl", materials.videoUrl());
        extra.put("codeUrl", materials.codeUrl());
        extra.put("references", materials.references().stream()
                .map(reference -> Map.of("title", reference.title(), "url", reference.url())).toList());
        extra.put("eventTitle", events.find(talk.eventId()).map(event -> event.title()).orElse(null));
        record(NotificationKind.MATERIALS_PUBLISHED, messageId, talk, extra,
                audience.attendees(talk.eventId(), talk.groupId(), List.of("CONFIRMED")));
    }

    private void record(NotificationKind kind, String messageId, TalkSnapshot talk, Map<String, Object> extra,
                        List<Recipient> recipients) {
        String language = language(talk);
        Map<String, Object> model = new LinkedHashMap<>(extra);
        model.put("talk", TalkModel.of(talk));
        model.put("groupName", group(talk).map(GroupInfo::name).orElse(null));
        notifications.record(new NewNotification(kind, kind.template() + ":" + messageId, talk.eventId(), talk.groupId(),
                language, Subjects.of(kind, language, talk.title()), model, null), recipients);
    }

    private String language(TalkSnapshot talk) {
        return EmailLanguage.of(group(talk).map(GroupInfo::language).orElse(talk.language()));
    }

    private Optional<GroupInfo> group(TalkSnapshot talk) {
        return talk.groupId() == null ? Optional.empty() : audience.group(talk.groupId());
    }

    private static Map<String, Object> reason(String reason) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reason", reason);
        return model;
    }

    private static List<Recipient> speakers(TalkSnapshot talk) {
        return talk.speakers().stream()
                .filter(speaker -> speaker.email() != null && !speaker.email().isBlank())
                .map(speaker -> Recipient.of(speaker.email(), speaker.name()))
                .toList();
    }
}

package dev.podium.notifications.trigger;

import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.events.MemberJoined;
import dev.podium.notifications.audience.Recipient;
import dev.podium.notifications.email.EmailLanguage;
import dev.podium.notifications.notification.NewNotification;
import dev.podium.notifications.notification.NotificationKind;
import dev.podium.notifications.notification.Notifications;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Double opt-in: someone who asked to join a group gets the link that confirms the membership. */
@Singleton
public class MembershipNotifications {

    private final Notifications notifications;

    MembershipNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    public void on(DecodedMessage message) {
        if (message.data() instanceof MemberJoined joined && !joined.confirmed() && joined.confirmUrl() != null) {
            String language = EmailLanguage.of(joined.language());
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("groupName", joined.groupName());
            model.put("confirmUrl", joined.confirmUrl());
            notifications.record(new NewNotification(NotificationKind.MEMBERSHIP_CONFIRMATION,
                    "membership:" + message.envelope().id(), null, joined.groupId(), language,
                    Subjects.of(NotificationKind.MEMBERSHIP_CONFIRMATION, language, joined.groupName()), model, null),
                    List.of(Recipient.of(joined.email(), joined.name())));
        }
    }
}

package dev.podium.notifications.trigger;

import dev.podium.notifications.email.EmailLanguage;
import dev.podium.notifications.email.EmailMessages;
import dev.podium.notifications.notification.NotificationKind;

/** Email subject lines, in the notification's language ({@code subject.<template>} in the email texts). */
final class Subjects {

    private Subjects() {
    }

    static String of(NotificationKind kind, String language, Object... arguments) {
        return EmailMessages.text(EmailLanguage.locale(language), "subject." + kind.template(), arguments);
    }
}

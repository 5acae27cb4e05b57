package dev.podium.notifications.notification;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** When Podium writes ({@code podium.notifications.*}). */
@ConfigurationProperties("podium.notifications")
public class NotificationSettings {

    /** How long before an event's start its confirmed attendees get the reminder. */
    private Duration reminderBefore = Duration.ofHours(24);
    /** Changes to one event within this window after the first go out as one update email. */
    private Duration updateWindow = Duration.ofMinutes(5);

    public Duration getReminderBefore() { return reminderBefore; }
    public void setReminderBefore(Duration reminderBefore) { this.reminderBefore = reminderBefore; }
    public Duration getUpdateWindow() { return updateWindow; }
    public void setUpdateWindow(Duration updateWindow) { this.updateWindow = updateWindow; }
}

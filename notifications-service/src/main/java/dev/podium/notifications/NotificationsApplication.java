package dev.podium.notifications;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "Podium notifications-service", version = "0.1", description = "Email announcements, confirmations and reminders"))
public class NotificationsApplication {

    public static void main(String[] args) {
        Micronaut.run(NotificationsApplication.class, args);
    }
}

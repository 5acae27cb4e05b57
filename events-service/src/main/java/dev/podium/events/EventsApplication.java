package dev.podium.events;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "Podium events-service", version = "0.1", description = "Groups, venues, events, agenda, RSVPs and calendar feeds"))
public class EventsApplication {

    public static void main(String[] args) {
        Micronaut.run(EventsApplication.class, args);
    }
}

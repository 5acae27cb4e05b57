package dev.podium.talks;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "Podium talks-service", version = "0.1", description = "Speakers, talk submissions, reviews, materials and the talk archive"))
public class TalksApplication {

    public static void main(String[] args) {
        Micronaut.run(TalksApplication.class, args);
    }
}

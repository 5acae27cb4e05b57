package dev.podium.events.registration;

import dev.podium.events.event.EventDetails;
import dev.podium.events.support.PageDates;
import dev.podium.pages.PageLanguage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The model of an RSVP's pages (templates {@code registrations/manage} and {@code registrations/repeat}). */
final class RegistrationPages {

    private RegistrationPages() {
    }

    static Map<String, Object> model(EventDetails details, RegistrationView registration, @Nullable String token,
                                     HttpRequest<?> request) {
        var event = details.view();
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("details", details);
        model.put("registration", registration);
        model.put("when", event.startsAt() == null ? null
                : PageDates.span(event.startsAt(), event.endsAt(), event.timeZone(), PageLanguage.of(request).locale()));
        model.put("eventPath", "/events/" + event.id());
        model.put("lang", PageLanguage.of(request).code());
        if (token != null) {
            model.put("cancelAction", "/events/" + event.id() + "/registrations/" + registration.id()
                    + "/cancellation?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                    + "&lang=" + PageLanguage.of(request).code());
        }
        return model;
    }
}

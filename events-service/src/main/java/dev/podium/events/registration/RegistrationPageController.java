package dev.podium.events.registration;

import dev.podium.events.event.EventDetails;
import dev.podium.events.event.EventPage;
import dev.podium.events.event.EventService;
import dev.podium.events.support.FormChecks;
import dev.podium.events.support.FormInput;
import dev.podium.pages.PageLanguage;
import dev.podium.security.Caller;
import dev.podium.security.RateLimited;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The RSVP form of an event's page. It goes through the API's rules (the request record's constraints,
 * {@link RegistrationService}, the public-writes rate limit), then answers post-redirect-get: a new RSVP
 * leads to its signed manage page (confirmed, or waitlisted with its position). Invalid input shows the
 * event's page again, 400, with the typed values and each error next to its field; nothing is written.
 */
@Tag(name = "pages")
@Controller("/events/{eventId}")
@ExecuteOn(TaskExecutors.BLOCKING)
class RegistrationPageController {

    private final RegistrationService registrations;
    private final EventService events;
    private final FormChecks checks;

    RegistrationPageController(RegistrationService registrations, EventService events, FormChecks checks) {
        this.registrations = registrations;
        this.events = events;
        this.checks = checks;
    }

    @Operation(summary = "The event page's RSVP form (name, email, lang): 303 to the new RSVP's manage page; "
            + "400 with the page and its errors; an address that has an RSVP already gets a page saying so")
    @Post(value = "/rsvp", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @RateLimited("public-writes")
    HttpResponse<?> rsvp(String eventId, @Body Map<String, String> form, HttpRequest<?> request,
                         @Nullable Authentication authentication) {
        Optional<Caller> caller = Caller.of(authentication);
        PageLanguage.prefer(request, form.get(PageLanguage.PARAMETER));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", form.get("name"));
        values.put("email", form.get("email"));
        RegistrationRequest rsvp = new RegistrationRequest(values.get("name"), values.get("email"));
        FormInput input = checks.check(rsvp, values);
        if (!input.valid()) {
            EventDetails details = events.details(eventId, caller);
            return HttpResponse.status(HttpStatus.BAD_REQUEST)
                    .body(new ModelAndView<>("events/event", EventPage.model(details, request, input)))
                    .contentType(MediaType.TEXT_HTML_TYPE);
        }
        RegistrationService.RsvpResult result = registrations.register(eventId, rsvp, caller);
        String lang = PageLanguage.of(request).code();
        if (result.created()) {
            URI manage = URI.create(result.registration().manageUrl());
            return HttpResponse.seeOther(URI.create(manage.getRawPath() + "?" + manage.getRawQuery() + "&lang=" + lang));
        }
        // Nothing was written, so sending the form again changes nothing: the answer is the page itself.
        EventDetails details = events.details(eventId, caller);
        return HttpResponse.ok(new ModelAndView<>("registrations/repeat",
                        RegistrationPages.model(details, result.registration(), null, request)))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }
}

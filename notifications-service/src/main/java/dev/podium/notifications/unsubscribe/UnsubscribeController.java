package dev.podium.notifications.unsubscribe;

import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.audience.GroupInfo;
import dev.podium.security.RateLimited;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unsubscribe link of every bulk email. GET only shows a page with a confirm button (mail
 * scanners and link previews open links); POST, from that button or a mail client's RFC 8058
 * one-click request, records the opt-out. Both answer anyone holding a link this service signed (no
 * account: the link is the proof), and show the address it was sent to, which the link carries anyway.
 */
@Controller("/unsubscribe")
@ExecuteOn(TaskExecutors.BLOCKING)
class UnsubscribeController {

    private final UnsubscribeTokens tokens;
    private final Unsubscriptions unsubscriptions;
    private final Audience audience;

    UnsubscribeController(UnsubscribeTokens tokens, Unsubscriptions unsubscriptions, Audience audience) {
        this.tokens = tokens;
        this.unsubscriptions = unsubscriptions;
        this.audience = audience;
    }

    @Operation(summary = "Show the confirm-unsubscribe page of a signed unsubscribe link (changes nothing)")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get(produces = MediaType.TEXT_HTML)
    @View("unsubscribe")
    Map<String, Object> confirmPage(@QueryValue String token) {
        UnsubscribeTokens.Optout optout = tokens.verify(token);
        Map<String, Object> model = page(optout);
        model.put("token", token);
        return model;
    }

    @Operation(summary = "Opt out of a group's email (or all of Podium's): the confirm button and RFC 8058 one-click")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @RateLimited("public-writes")
    @Post(produces = MediaType.TEXT_HTML)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @View("unsubscribed")
    Map<String, Object> unsubscribe(@QueryValue String token) {
        UnsubscribeTokens.Optout optout = tokens.verify(token);
        unsubscriptions.unsubscribe(optout);
        return page(optout);
    }

    private Map<String, Object> page(UnsubscribeTokens.Optout optout) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("email", optout.email());
        model.put("allGroups", optout.allGroups());
        model.put("groupName", optout.allGroups() ? null
                : audience.group(optout.scope()).map(GroupInfo::name).orElse(null));
        return model;
    }
}

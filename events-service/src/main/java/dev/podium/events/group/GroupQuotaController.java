package dev.podium.events.group;

import dev.podium.events.quota.GroupQuotaRequest;
import dev.podium.events.quota.GroupQuotaView;
import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Tag(name = "groups")
@Controller("/groups/{slug}/quotas")
@ExecuteOn(TaskExecutors.BLOCKING)
class GroupQuotaController {

    private final GroupQuotaService quotas;

    GroupQuotaController(GroupQuotaService quotas) {
        this.quotas = quotas;
    }

    @Operation(summary = "The group's daily quotas (imports, announcements) and what it used today (organisers, admins)")
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    GroupQuotaView get(String slug, @Nullable Authentication authentication) {
        return quotas.get(slug, Caller.required(authentication));
    }

    @Operation(summary = "Set the group's daily quotas; a null one is the default again (admins)")
    @Put
    @Secured(SecurityRule.IS_AUTHENTICATED)
    GroupQuotaView set(String slug, @Body @Valid GroupQuotaRequest request, @Nullable Authentication authentication) {
        return quotas.set(slug, request, Caller.required(authentication));
    }
}

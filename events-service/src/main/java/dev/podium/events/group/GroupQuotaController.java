package dev.podium.events.group;

import dev.podium.events.quota.GroupQuotaRequest;
import dev.podium.events.quota.GroupQuotaView;
import dev.podium.events.quota.GroupQuotas;
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

    private final GroupQuotas quotas;
    private final GroupAccess access;

    GroupQuotaController(GroupQuotas quotas, GroupAccess access) {
        this.quotas = quotas;
        this.access = access;
    }

    @Operation(summary = "The group's daily quotas (imports, announcements) and what it used today (organisers, admins)")
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    GroupQuotaView get(String slug, @Nullable Authentication authentication) {
        return quotas.of(access.requireOrganiser(slug, Caller.required(authentication)).id());
    }

    @Operation(summary = "Set the group's daily quotas; a null one is the default again (admins)")
    @Put
    @Secured(SecurityRule.IS_AUTHENTICATED)
    GroupQuotaView set(String slug, @Body @Valid GroupQuotaRequest request, @Nullable Authentication authentication) {
        Caller caller = Caller.required(authentication);
        if (!caller.admin()) {
            throw Caller.denied(authentication);
        }
        return quotas.set(access.requireOrganiser(slug, caller).id(), request, caller);
    }
}

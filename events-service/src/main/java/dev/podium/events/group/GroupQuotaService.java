package dev.podium.events.group;

import dev.podium.events.quota.GroupQuotaRequest;
import dev.podium.events.quota.GroupQuotaView;
import dev.podium.events.quota.GroupQuotas;
import dev.podium.security.Forbidden;
import dev.podium.security.Caller;
import jakarta.inject.Singleton;

/** A group's daily quotas: its organisers and admins see them, admins set them. */
@Singleton
class GroupQuotaService {

    private final GroupQuotas quotas;
    private final GroupAccess access;

    GroupQuotaService(GroupQuotas quotas, GroupAccess access) {
        this.quotas = quotas;
        this.access = access;
    }

    /** 404 for an unknown slug, 403 to whoever does not organise the group. */
    GroupQuotaView get(String slug, Caller caller) {
        return quotas.of(access.requireOrganiser(slug, caller).id());
    }

    /** 403 to anyone but admins, whether the group exists or not; then 404 for an unknown slug. */
    GroupQuotaView set(String slug, GroupQuotaRequest request, Caller caller) {
        if (!caller.admin()) {
            throw new Forbidden();
        }
        return quotas.set(access.requireOrganiser(slug, caller).id(), request, caller);
    }
}

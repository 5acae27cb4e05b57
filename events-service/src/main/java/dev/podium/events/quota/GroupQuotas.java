package dev.podium.events.quota;

import dev.podium.security.Caller;
import dev.podium.security.quota.DailyQuotas;
import dev.podium.security.quota.Quota;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * The limits on what makes a group send email to many people: members imported without their own
 * opt-in, and announcements (each publish emails every member). Counted in the transaction of the
 * change, so a change that fails gives its share back.
 */
@Singleton
public class GroupQuotas {

    static final Quota IMPORTED_MEMBERS = new Quota("imported-members", "members imported into this group",
            "split the import over several days, or ask a Podium administrator to raise the group's quota");
    static final Quota ANNOUNCEMENTS = new Quota("announcements", "events published (announced to every member) by this group",
            "ask a Podium administrator to raise the group's quota");

    private final DailyQuotas quotas;
    private final GroupQuotaRepository settings;
    private final QuotaDefaults defaults;
    private final Clock clock;

    GroupQuotas(DailyQuotas quotas, GroupQuotaRepository settings, QuotaDefaults defaults, Clock clock) {
        this.quotas = quotas;
        this.settings = settings;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** In the import's transaction: 429 (retry tomorrow) or 403 (too many for one day) when over the quota. */
    public void importing(String groupId, int newMembers) {
        quotas.consume(IMPORTED_MEMBERS, groupId, newMembers, importLimit(settings.findById(groupId)));
    }

    /** In the publish's transaction. */
    public void announcing(String groupId) {
        quotas.consume(ANNOUNCEMENTS, groupId, 1, announcementLimit(settings.findById(groupId)));
    }

    @Transactional(readOnly = true)
    public GroupQuotaView of(String groupId) {
        Optional<GroupQuota> set = settings.findById(groupId);
        return new GroupQuotaView(
                new GroupQuotaView.Limit(importLimit(set), quotas.usedToday(IMPORTED_MEMBERS, groupId),
                        set.map(GroupQuota::importedMembersPerDay).isPresent()),
                new GroupQuotaView.Limit(announcementLimit(set), quotas.usedToday(ANNOUNCEMENTS, groupId),
                        set.map(GroupQuota::announcementsPerDay).isPresent()),
                quotas.resetsAt());
    }

    /** An admin's setting: raise (or lower) a group's limits; takes effect for what is left of today too. */
    @Transactional
    public GroupQuotaView set(String groupId, GroupQuotaRequest request, Caller admin) {
        settings.upsert(groupId, request.importedMembersPerDay(), request.announcementsPerDay(), admin.sub(), clock.instant());
        return of(groupId);
    }

    private int importLimit(Optional<GroupQuota> set) {
        return set.map(GroupQuota::importedMembersPerDay).orElse(defaults.getImportedMembersPerDay());
    }

    private int announcementLimit(Optional<GroupQuota> set) {
        return set.map(GroupQuota::announcementsPerDay).orElse(defaults.getAnnouncementsPerDay());
    }
}

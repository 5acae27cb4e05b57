package dev.podium.events.quota;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Every group's quotas until an admin sets its own ({@code podium.quotas.*}, README "Operations"). */
@ConfigurationProperties("podium.quotas")
public class QuotaDefaults {

    private int importedMembersPerDay = 5_000;
    private int announcementsPerDay = 10;

    public int getImportedMembersPerDay() {
        return importedMembersPerDay;
    }

    public void setImportedMembersPerDay(int importedMembersPerDay) {
        this.importedMembersPerDay = importedMembersPerDay;
    }

    public int getAnnouncementsPerDay() {
        return announcementsPerDay;
    }

    public void setAnnouncementsPerDay(int announcementsPerDay) {
        this.announcementsPerDay = announcementsPerDay;
    }
}

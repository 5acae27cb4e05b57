package dev.podium.talks;

import dev.podium.testsupport.ProductionSettingsContract;

class ProductionSettingsCheckTest extends ProductionSettingsContract {

    ProductionSettingsCheckTest() {
        super("podium.talks.invitation-secret", "TALKS_INVITATION_SECRET");
    }
}

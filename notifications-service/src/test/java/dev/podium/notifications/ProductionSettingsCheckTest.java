package dev.podium.notifications;

import dev.podium.testsupport.ProductionSettingsContract;

class ProductionSettingsCheckTest extends ProductionSettingsContract {

    ProductionSettingsCheckTest() {
        super("podium.notifications.unsubscribe-secret", "NOTIFICATIONS_UNSUBSCRIBE_SECRET");
    }
}

package dev.podium.notifications;

import dev.podium.testsupport.CleanStartContract;

class CleanStartTest extends CleanStartContract {

    CleanStartTest() {
        super(NotificationsApplication.class);
    }
}

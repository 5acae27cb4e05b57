package dev.podium.events;

import dev.podium.testsupport.CleanStartContract;

class CleanStartTest extends CleanStartContract {

    CleanStartTest() {
        super(EventsApplication.class);
    }
}

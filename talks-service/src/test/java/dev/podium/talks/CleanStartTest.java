package dev.podium.talks;

import dev.podium.testsupport.CleanStartContract;

class CleanStartTest extends CleanStartContract {

    CleanStartTest() {
        super(TalksApplication.class);
    }
}

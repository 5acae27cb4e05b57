package dev.podium.talks;

import dev.podium.contracts.events.EventSnapshot;
import dev.podium.talks.TalksFixtures.SeedTalk;
import dev.podium.testsupport.MutableClock;
import io.micronaut.test.annotation.MockBean;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A talks-service HTTP test that runs at {@link #T0}, 1 February 2026 at 10:00 UTC: the service's
 * clock stands there at the start of every test and moves only when the test moves {@link #clock}.
 * Alice and Bob organise the group {@value #GROUP}; a test makes its own meetup whose call for papers
 * is open at T0 ({@link #meetupWithOpenCfp()}), submits the {@link #seeds} and reads what
 * talks-service published on the submissions {@link #topic}.
 */
public abstract class OpenCfpTest extends TalksServiceTest {

    protected static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
    protected static final String GROUP = "dl-paris";

    protected final MutableClock clock = MutableClock.at(T0.toString());
    /** The three talks of Deep Learning Meetup #13. */
    protected final List<SeedTalk> seeds = TalksFixtures.deepLearningMeetup13();
    protected SubmissionsTopic topic;

    @MockBean(Clock.class)
    public Clock clock() {
        return clock;
    }

    @BeforeAll
    protected final void openTopicAndGroup() {
        topic = new SubmissionsTopic(codec);
        TalksFixtures.knownGroup(codec, catalog, TalksFixtures.group(GROUP, ALICE, BOB));
    }

    @AfterAll
    protected final void closeTopic() {
        topic.close();
    }

    @BeforeEach
    protected final void resetClock() {
        clock.set(T0);
    }

    /**
     * A new Deep Learning Meetup #13 of {@value #GROUP}, on 2026-03-07 19:00 in Paris, known to the
     * read model, its call for papers open from 2026-01-15 to 2026-02-20 (set by Alice): open at T0.
     */
    protected EventSnapshot meetupWithOpenCfp() {
        EventSnapshot event = TalksFixtures.knownEvent(codec, catalog, TalksFixtures.event(GROUP, "Deep Learning Meetup #13", "PUBLISHED",
                LocalDateTime.of(2026, 3, 7, 19, 0), "Europe/Paris"));
        api.as(ALICE).put("/events/" + event.eventId() + "/cfp",
                TalksFixtures.cfp(Instant.parse("2026-01-15T00:00:00Z"), Instant.parse("2026-02-20T00:00:00Z"))).isOk(200);
        return event;
    }
}

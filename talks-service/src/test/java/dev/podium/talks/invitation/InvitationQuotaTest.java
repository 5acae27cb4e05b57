package dev.podium.talks.invitation;

import static dev.podium.talks.TalksFixtures.speaker;
import static dev.podium.talks.TalksFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.events.EventSnapshot;
import dev.podium.talks.OpenCfpTest;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Co-speaker invitations email any address with the talk's text, so they are bounded: here 3 per
 * submission, ever, and 4 per inviting speaker per UTC day. The clock stands at 10:00 UTC.
 */
@MicronautTest(transactional = false)
class InvitationQuotaTest extends OpenCfpTest {

    @Override
    protected Map<String, String> settings() {
        return Map.of("podium.quotas.invitations-per-submission", "3", "podium.quotas.invitations-per-speaker-per-day", "4");
    }

    @Test
    void aSubmissionInvitesAFewCoSpeakersAndASpeakerAFewADay() {
        EventSnapshot event = meetupWithOpenCfp();
        TalksFixtures.SpeakerAccount speaker = api.newSpeaker(speaker("Arthur Mensch", "PhD Candidate at INRIA Parietal"));
        TalksApi me = api.as(speaker.identity());
        String first = me.post("/submissions", submission(speaker.id(), event.eventId(), "Differentiable Dynamic Programming",
                "An abstract.")).isOk(201).string("id");
        String second = me.post("/submissions", submission(speaker.id(), event.eventId(), "Optimal Transport for Meetups",
                "Another abstract.")).isOk(201).string("id");

        for (int i = 0; i < 3; i++) {
            me.post("/submissions/" + first + "/invitations", Map.of("email", "co" + i + "@example.org")).isOk(201);
        }
        TalksApi.Response perSubmission = me.post("/submissions/" + first + "/invitations", Map.of("email", "co3@example.org"))
                .isProblem(403, "over-quota");
        assertThat(perSubmission.string("detail")).contains("at most 3 are allowed per submission");

        me.post("/submissions/" + second + "/invitations", Map.of("email", "co4@example.org")).isOk(201);
        TalksApi.Response perDay = me.post("/submissions/" + second + "/invitations", Map.of("email", "co5@example.org"))
                .isProblem(429, "quota-reached");
        assertThat(perDay.header("Retry-After")).as("14 h until the next UTC day").isEqualTo("50400");
        assertThat(sql.count("SELECT COUNT(*) FROM invitation WHERE submission_id IN (?, ?)", first, second))
                .as("the refused invitations were not recorded").isEqualTo(4);

        clock.advance(Duration.ofHours(14));
        me.post("/submissions/" + second + "/invitations", Map.of("email", "co5@example.org")).isOk(201);
    }
}

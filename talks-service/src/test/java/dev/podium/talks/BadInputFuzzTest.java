package dev.podium.talks;

import static dev.podium.talks.TalksFixtures.speaker;
import static dev.podium.talks.TalksFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.events.EventSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.testsupport.LogCapture;
import dev.podium.testsupport.Tokens;
import dev.podium.testsupport.fuzz.FuzzReport;
import dev.podium.testsupport.fuzz.Fuzzer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * About 1,000 requests generated from talks-service's own OpenAPI spec (fixed seed, so a failure
 * replays): random and boundary values, wrong types, huge strings, odd Unicode, SQL and HTML
 * injection, path traversal. Path parameters mostly name real events, groups, speakers and
 * submissions, so requests reach real handlers. Nothing may answer 5xx or log an unhandled exception.
 */
@MicronautTest(transactional = false)
class BadInputFuzzTest extends TalksServiceTest {

    static final long SEED = 20_261_124L;

    @Test
    void generatedBadRequestsNeverGetA5xxNorLogAnUnhandledException() {
        Identity admin = Identity.admin("fuzz-admin-" + UUID.randomUUID());
        String slug = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        EventSnapshot event = newGroupWithOpenCfp(slug, admin);
        List<String> speakerIds = new ArrayList<>();
        List<String> submissionIds = new ArrayList<>();
        for (TalksFixtures.SeedTalk talk : TalksFixtures.deepLearningMeetup13()) {
            TalksFixtures.SpeakerAccount account = api.newSpeaker(speaker(talk.speaker(), talk.affiliation()));
            speakerIds.add(account.id());
            submissionIds.add(api.as(account.identity())
                    .post("/submissions", submission(account.id(), event.eventId(), talk.title(), talk.abstractText()))
                    .isOk(201).string("id"));
        }
        api.as(admin).post("/submissions/" + submissionIds.get(0) + "/accept", Map.of()).isOk(200);
        api.as(admin).post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200);
        String token = Tokens.of(admin);

        FuzzReport report;
        try (LogCapture logs = LogCapture.errorsAndExceptions()) {
            report = Fuzzer.forSpec("META-INF/swagger/podium-talks-service-0.1.yml")
                    .knownValues("eventId", List.of(event.eventId()))
                    .knownValues("slug", List.of(slug))
                    .knownValues("id", submissionIds)
                    .seed(SEED).requests(1_000)
                    .run(http.toBlocking(), () -> token);
            assertThat(logs.events()).as("errors and exceptions logged while fuzzing").isEmpty();
        }
        System.out.println("[fuzz] talks-service: " + report);
        assertThat(report.serverErrors()).as(report.toString()).isEmpty();
        assertThat(report.noAnswers()).as(report.toString()).isEmpty();
        assertThat(report.successes()).as(report.toString()).isGreaterThan(100);
    }
}

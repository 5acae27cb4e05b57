package dev.podium.talks.materials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.talks.Reference;
import dev.podium.contracts.talks.TalkMaterialsPublished;
import dev.podium.talks.OpenCfpTest;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures.SeedTalk;
import dev.podium.talks.TalksFixtures.SpeakerAccount;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Materials (slides, video, code, references) of an accepted talk: refused before acceptance,
 * published by the primary speaker with TalkMaterialsPublished, public to read, replaced as a whole.
 */
@MicronautTest(transactional = false)
class MaterialsTest extends OpenCfpTest {

    @Test
    void materialsOfAnAcceptedTalk() {
        EventSnapshot event = meetupWithOpenCfp();
        SeedTalk mensch = seeds.get(1);
        SpeakerAccount arthurMensch = api.newSpeaker(mensch);
        TalksApi arthur = api.as(arthurMensch.identity());
        String talk = api.submit(arthurMensch, event.eventId(), mensch).string("id");
        Map<String, Object> materials = Map.of(
                "slidesUrl", "https://speakerdeck.com/arthurmensch/differentiable-dp",
                "videoUrl", "https://www.youtube.com/watch?v=abc123",
                "codeUrl", "https://github.com/arthurmensch/didyprog",
                "references", List.of(
                        Map.of("title", "Differentiable Dynamic Programming for Structured Prediction and Attention",
                                "url", "https://arxiv.org/abs/1802.03676"),
                        Map.of("title", "Neural Ordinary Differential Equations", "url", "https://arxiv.org/abs/1806.07366")));
        arthur.put("/submissions/" + talk + "/materials", materials).isProblem(409, "not-accepted");

        api.as(ALICE).post("/submissions/" + talk + "/accept", Map.of()).isOk(200);
        api.as(ALICE).post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200);
        clock.set(event.startsAtUtc().plus(Duration.ofDays(1)));
        TalksApi.Response published = arthur.put("/submissions/" + talk + "/materials", materials).isOk(200);
        assertThat(published.string("slidesUrl")).isEqualTo("https://speakerdeck.com/arthurmensch/differentiable-dp");
        assertThat(published.list("references")).extracting(r -> r.get("url"))
                .containsExactly("https://arxiv.org/abs/1802.03676", "https://arxiv.org/abs/1806.07366");
        assertThat(api.get("/submissions/" + talk + "/materials").body()).isEqualTo(published.body());

        TalkMaterialsPublished message = topic.message(talk, TalkMaterialsPublished.class).dataAs(TalkMaterialsPublished.class);
        assertThat(message.publishedAt()).isEqualTo(clock.instant());
        assertThat(message.talk().status()).isEqualTo("ACCEPTED");
        assertThat(message.materials().videoUrl()).isEqualTo("https://www.youtube.com/watch?v=abc123");
        assertThat(message.materials().codeUrl()).isEqualTo("https://github.com/arthurmensch/didyprog");
        assertThat(message.materials().references()).containsExactly(
                new Reference("Differentiable Dynamic Programming for Structured Prediction and Attention", "https://arxiv.org/abs/1802.03676"),
                new Reference("Neural Ordinary Differential Equations", "https://arxiv.org/abs/1806.07366"));

        TalksApi.Response replaced = arthur.put("/submissions/" + talk + "/materials", Map.of("slidesUrl", "https://example.org/v2.pdf")).isOk(200);
        assertThat(replaced.list("references")).isEmpty();
        assertThat(replaced.get("videoUrl")).isNull();
        assertThat(topic.messages(talk, TalkMaterialsPublished.class, 2).get(1).dataAs(TalkMaterialsPublished.class).materials().slidesUrl())
                .isEqualTo("https://example.org/v2.pdf");
    }
}

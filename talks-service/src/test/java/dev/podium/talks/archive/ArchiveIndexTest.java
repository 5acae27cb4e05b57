package dev.podium.talks.archive;

import static dev.podium.talks.TalksFixtures.speaker;
import static dev.podium.talks.TalksFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.api.PageQuery;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.PersonErased;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures;
import dev.podium.talks.TalksServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica's search index across restarts: it resumes from its last commit, is rebuilt from the
 * database when its folder is gone or unreadable, and forgets an erased speaker's name. The restarts
 * are of an index and feed of the test's own, in a folder of its own, beside the service's.
 */
@MicronautTest(transactional = false)
class ArchiveIndexTest extends TalksServiceTest {

    @Inject
    ArchiveAnalyzer analyzer;
    @Inject
    ArchiveDocuments documents;
    @Inject
    SearchQueries queries;
    @Inject
    ArchiveRows rows;
    @Inject
    ArchiveChanges changes;
    @Inject
    Clock clock;

    @TempDir
    Path folder;

    EventSnapshot event;

    @BeforeAll
    void anEventWithAnOpenCall() {
        event = newGroupWithOpenCfp("index-restarts", ALICE);
    }

    @Test
    void aRestartResumesFromTheLastCommit() throws IOException {
        String first = accepted("Ada Resumer", "Quasicrystal tilings", "ada-" + UUID.randomUUID() + "@speakers.example.org");
        Replica before = new Replica();
        before.feed.follow();
        assertThat(ids(before.index, "quasicrystal")).containsExactly(first);
        before.close();

        String second = accepted("Bo Resumer", "Quasicrystal growth", "bo-" + UUID.randomUUID() + "@speakers.example.org");
        Replica after = new Replica();
        assertThat(after.index.committedAtStart()).isPresent();
        // Opened from its folder as it was committed: the talk accepted while it was down is not in it yet.
        assertThat(ids(after.index, "quasicrystal")).containsExactly(first);
        after.feed.follow();
        assertThat(ids(after.index, "quasicrystal")).containsExactlyInAnyOrder(first, second);
        after.close();
    }

    @Test
    void aMissingOrUnreadableIndexIsRebuiltFromTheDatabase() throws IOException {
        String talk = accepted("Cy Rebuilder", "Holonomic constraints", "cy-" + UUID.randomUUID() + "@speakers.example.org");
        Replica first = new Replica();
        first.feed.follow();
        first.close();

        deleteEverythingIn(folder);
        Replica afterDeletion = new Replica();
        assertThat(afterDeletion.index.committedAtStart()).isEmpty();
        assertThat(afterDeletion.index.documents()).isZero();
        afterDeletion.feed.follow();
        assertThat(ids(afterDeletion.index, "holonomic")).containsExactly(talk);
        afterDeletion.close();

        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, "not an index".getBytes());
            }
        }
        Replica afterCorruption = new Replica();
        assertThat(afterCorruption.index.committedAtStart()).isEmpty();
        afterCorruption.feed.follow();
        assertThat(ids(afterCorruption.index, "holonomic")).containsExactly(talk);
        assertThat(ids(afterCorruption.index, "constraints")).containsExactly(talk);
        afterCorruption.close();
    }

    @Test
    void anErasedSpeakersNameLeavesTheIndex() {
        String email = "erin-" + UUID.randomUUID() + "@speakers.example.org";
        String talk = accepted("Erin Findable", "Ergodic flows", email);
        await().atMost(Duration.ofSeconds(10)).until(() -> searched("Findable").equals(List.of(talk)));

        TalksFixtures.publish(codec, new PersonErased(UUID.randomUUID().toString(), email, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> searched("Findable").isEmpty());
        TalksApi.Response byTitle = api.get("/talks?q=ergodic").isOk(200);
        assertThat(byTitle.list("items")).hasSize(1);
        assertThat(byTitle.list("items").get(0).get("speakers")).isEqualTo(List.of(Map.of("name", "Erased speaker")));
        assertThat(byTitle.text()).doesNotContain("Findable", email);
    }

    /** An index and its feed, as a replica has them between a start and a stop. */
    private final class Replica {
        final ArchiveIndex index;
        final ArchiveFeed feed;

        Replica() throws IOException {
            index = new ArchiveIndex(folder.toString(), analyzer, documents, queries);
            feed = new ArchiveFeed(index, rows, changes, clock, Duration.ofSeconds(60), Duration.ofSeconds(5), 100);
        }

        void close() throws IOException {
            feed.close();
            index.close();
        }
    }

    private String accepted(String name, String title, String email) {
        TalksFixtures.SpeakerAccount speaker = api.newSpeaker(TalksFixtures.with(speaker(name, "Institut Ailleurs"), "email", email));
        String id = api.as(speaker.identity()).post("/submissions", submission(speaker.id(), event.eventId(), title, "An abstract."))
                .isOk(201).string("id");
        api.as(ALICE).post("/submissions/" + id + "/accept", Map.of("reason", "Welcome")).isOk(200);
        api.as(ALICE).post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200);
        return id;
    }

    private List<String> searched(String words) {
        return api.get("/talks?q=" + words).isOk(200).list("items").stream().map(item -> (String) item.get("id")).toList();
    }

    private static List<String> ids(ArchiveIndex index, String words) {
        return index.search(ArchiveQuery.of(words, null, null, null, null, null, new PageQuery(0, 100))).items().stream()
                .map(PublicTalkView::id).toList();
    }

    private static void deleteEverythingIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }
}

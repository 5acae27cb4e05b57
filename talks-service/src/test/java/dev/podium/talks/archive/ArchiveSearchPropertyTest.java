package dev.podium.talks.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search index answers exactly what a brute-force reference does (filter the archive, then sort
 * by date and id, newest first, then cut the page) over hundreds of generated searches: words with and
 * without accents or capitals, phrases, prefixes, exclusions, either-or, tags and groups in any case,
 * date ranges, pages. The archive is generated too (seeded), with ties on dates, talks without an event,
 * of cancelled events and not accepted, and written straight into the tables: the index follows them
 * as it follows every write.
 */
@MicronautTest(transactional = false)
class ArchiveSearchPropertyTest extends TalksServiceTest {

    private static final long SEED = 18;
    private static final int TALKS = 400;
    private static final int SEARCHES = 300;
    private static final String[] WORDS = {"pose", "estimation", "université", "Universite", "café", "naïve", "Zürich", "École",
            "graph", "graphs", "learning", "learned", "vision", "kernel", "bayes", "markov", "chain", "transformer", "attention",
            "robot", "sparse", "dense", "gradient", "descent", "quantum", "tensor", "network", "reinforcement", "convex", "dual"};
    private static final String[] TAGS = {"ML", "ml", "Vision", "vision", "nlp", "Théorie", "theorie", "robots"};
    private static final String[] STATUSES = {"ACCEPTED", "ACCEPTED", "ACCEPTED", "CONFIRMED", "REJECTED", "SUBMITTED", "WITHDRAWN"};
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Random random = new Random(SEED);
    private final List<Talk> archive = new ArrayList<>();
    private final List<String> groupSlugs = new ArrayList<>();

    /** A generated talk as the reference knows it. */
    private record Talk(String id, String text, List<String> tags, String groupSlug, LocalDateTime localStart, Instant sortedAt,
                        boolean inArchive) {
    }

    /** A generated search: the query string of the request, and what the reference keeps. */
    private record Search(String query, Predicate<Talk> matches, int page, int size) {
    }

    @Inject
    TransactionOperations<Connection> transactions;

    @BeforeAll
    void generateTheArchive() {
        // One transaction: the index sees the whole archive at once, and the test does not wait for 2,000 commits.
        transactions.executeWrite(status -> {
            writeTheArchive();
            return null;
        });
        long inArchive = archive.stream().filter(Talk::inArchive).count();
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) api.get("/talks?size=1").isOk(200).get("total")).longValue() == inArchive);
    }

    private void writeTheArchive() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Map<String, String> groups = new LinkedHashMap<>();
        for (int g = 0; g < 4; g++) {
            String id = "prop-group-" + g;
            String slug = "prop-" + g;
            groups.put(id, slug);
            groupSlugs.add(slug);
            sql.update("INSERT INTO known_group (id, slug, name, time_zone, language, updated_at) VALUES (?, ?, ?, 'Europe/Paris', 'en', ?)",
                    id, slug, "Group " + g, now);
        }
        List<String[]> events = new ArrayList<>(); // id, group id, status, local start
        for (int e = 0; e < 25; e++) {
            String groupId = "prop-group-" + random.nextInt(4);
            LocalDateTime start = LocalDateTime.of(2018, 1, 1, 19, 0).plusDays(random.nextInt(900)).plusMinutes(random.nextInt(3) * 30);
            String status = random.nextInt(8) == 0 ? "CANCELLED" : "COMPLETED";
            String id = "prop-event-" + e;
            events.add(new String[] {id, groupId, status, start.toString()});
            Instant utc = start.atZone(PARIS).toInstant();
            sql.update("""
                    INSERT INTO known_event (id, group_id, group_slug, title, status, starts_at, ends_at, time_zone, starts_at_utc,
                                             ends_at_utc, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'Europe/Paris', ?, ?, ?)""",
                    id, groupId, groups.get(groupId), "Event " + e, status, start, start.plusHours(2), utc, utc.plus(2, ChronoUnit.HOURS), now);
        }
        for (int t = 0; t < TALKS; t++) {
            String id = UUID.randomUUID().toString();
            boolean onEvent = random.nextInt(6) != 0;
            String[] event = onEvent ? events.get(random.nextInt(events.size())) : null;
            String groupId = onEvent ? event[1] : "prop-group-" + random.nextInt(4);
            String status = STATUSES[random.nextInt(STATUSES.length)];
            // Whole hours apart at most 40 days: several open-call talks share a release date.
            Instant releasedAt = now.minus(random.nextInt(40), ChronoUnit.DAYS);
            String title = words(2 + random.nextInt(3));
            String abstractText = words(5 + random.nextInt(10)) + ". " + words(3);
            String speakerName = "Speaker " + words(1);
            String affiliation = "Lab " + words(1);
            String speakersText = speakerName + " (" + affiliation + ")";
            List<String> tags = new ArrayList<>();
            for (int k = random.nextInt(3); k > 0; k--) {
                String tag = TAGS[random.nextInt(TAGS.length)];
                if (tags.stream().noneMatch(tag::equals)) {
                    tags.add(tag);
                }
            }
            String speakerId = UUID.randomUUID().toString();
            sql.update("INSERT INTO speaker (id, name, email, affiliation, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    speakerId, speakerName, speakerId + "@speakers.example.org", affiliation, now, now);
            sql.update("""
                    INSERT INTO submission (id, event_id, group_id, title, abstract_text, speakers_text, format, duration_minutes,
                                            language, level, status, revision, released_at, submitted_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'TALK', 30, 'en', 'BEGINNER', ?, 0, ?, ?, ?)""",
                    id, onEvent ? event[0] : null, groupId, title, abstractText, speakersText, status, releasedAt, now, now);
            sql.update("INSERT INTO submission_speaker (submission_id, speaker_id, seq, role, joined_at) VALUES (?, ?, 0, 'PRIMARY', ?)",
                    id, speakerId, now);
            for (int k = 0; k < tags.size(); k++) {
                sql.update("INSERT INTO submission_tag (submission_id, seq, tag) VALUES (?, ?, ?)", id, k, tags.get(k));
            }
            LocalDateTime localStart = onEvent ? LocalDateTime.parse(event[3]) : null;
            boolean inArchive = ("ACCEPTED".equals(status) || "CONFIRMED".equals(status)) && (!onEvent || !"CANCELLED".equals(event[2]));
            archive.add(new Talk(id, title + "\n" + abstractText + "\n" + speakersText, tags, groups.get(groupId), localStart,
                    onEvent ? localStart.atZone(PARIS).toInstant() : releasedAt, inArchive));
        }
    }

    @Test
    void theIndexAnswersWhatTheBruteForceReferenceDoes() {
        for (int i = 0; i < SEARCHES; i++) {
            Search search = search();
            TalksApi.Response answer = api.get("/talks?" + search.query()).isOk(200);
            List<Talk> expected = archive.stream().filter(Talk::inArchive).filter(search.matches())
                    .sorted(Comparator.comparing(Talk::sortedAt).thenComparing(Talk::id).reversed()).toList();
            List<String> page = expected.stream().skip((long) search.page() * search.size()).limit(search.size()).map(Talk::id).toList();
            assertThat(((Number) answer.get("total")).longValue()).as("total of %s", search.query()).isEqualTo(expected.size());
            assertThat(answer.list("items").stream().map(item -> (String) item.get("id")).toList()).as("page of %s", search.query())
                    .containsExactlyElementsOf(page);
        }
    }

    private Search search() {
        List<String> parameters = new ArrayList<>();
        Predicate<Talk> matches = talk -> true;
        switch (random.nextInt(6)) {
            case 0 -> {
            }
            case 1, 2 -> { // natural: every word
                List<String> words = Arrays.asList(words(1 + random.nextInt(2)).split(" "));
                parameters.add("q=" + encode(String.join(" ", words.stream().map(this::anyCase).toList())));
                matches = talk -> words.stream().allMatch(w -> tokens(talk.text()).contains(fold(w)));
            }
            case 3 -> { // boolean: a word and not another, or either of two
                String a = word();
                String b = word();
                boolean either = random.nextBoolean();
                parameters.add("mode=boolean&q=" + encode(either ? a + " | " + anyCase(b) : a + " -" + anyCase(b)));
                matches = either ? talk -> tokens(talk.text()).contains(fold(a)) || tokens(talk.text()).contains(fold(b))
                        : talk -> tokens(talk.text()).contains(fold(a)) && !tokens(talk.text()).contains(fold(b));
            }
            case 4 -> { // boolean: a prefix
                String word = word();
                String prefix = word.substring(0, Math.min(word.length(), 2 + random.nextInt(3)));
                parameters.add("mode=boolean&q=" + encode(anyCase(prefix) + "*"));
                matches = talk -> tokens(talk.text()).stream().anyMatch(token -> token.startsWith(fold(prefix)));
            }
            default -> { // boolean: a phrase of two words
                String a = word();
                String b = word();
                parameters.add("mode=boolean&q=" + encode("\"" + a + " " + b + "\""));
                matches = talk -> {
                    List<String> tokens = tokens(talk.text());
                    for (int i = 0; i + 1 < tokens.size(); i++) {
                        if (tokens.get(i).equals(fold(a)) && tokens.get(i + 1).equals(fold(b))) {
                            return true;
                        }
                    }
                    return false;
                };
            }
        }
        if (random.nextInt(3) == 0) {
            String tag = TAGS[random.nextInt(TAGS.length)];
            parameters.add("tag=" + encode(anyCase(tag)));
            matches = matches.and(talk -> talk.tags().stream().anyMatch(t -> fold(t).equals(fold(tag))));
        }
        if (random.nextInt(3) == 0) {
            String group = groupSlugs.get(random.nextInt(groupSlugs.size()));
            parameters.add("group=" + encode(anyCase(group)));
            matches = matches.and(talk -> talk.groupSlug().equals(group));
        }
        LocalDate earliest = LocalDate.of(2018, 1, 1);
        if (random.nextInt(3) == 0) {
            LocalDate from = earliest.plusDays(random.nextInt(900));
            earliest = from;
            parameters.add("from=" + from);
            matches = matches.and(talk -> talk.localStart() != null && !talk.localStart().toLocalDate().isBefore(from));
        }
        if (random.nextInt(3) == 0) {
            LocalDate to = earliest.plusDays(random.nextInt(300));
            parameters.add("to=" + to);
            matches = matches.and(talk -> talk.localStart() != null && !talk.localStart().toLocalDate().isAfter(to));
        }
        int size = 1 + random.nextInt(15);
        int page = random.nextInt(4) == 0 ? random.nextInt(6) : 0;
        parameters.add("size=" + size);
        parameters.add("page=" + page);
        return new Search(String.join("&", parameters), matches, page, size);
    }

    private String words(int count) {
        return random.ints(count, 0, WORDS.length).mapToObj(i -> WORDS[i]).collect(Collectors.joining(" "));
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private String anyCase(String text) {
        return switch (random.nextInt(3)) {
            case 0 -> text.toUpperCase(Locale.ROOT);
            case 1 -> fold(text);
            default -> text;
        };
    }

    /** Accents and case left out, as a reader expects: "Université" is "universite". */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> tokens(String text) {
        return Arrays.stream(fold(text).split("[^a-z0-9]+")).filter(token -> !token.isEmpty()).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

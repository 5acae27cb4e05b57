package dev.podium.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Bulk-loads a catalogue straight into the services' schemas with batched JDBC inserts (not through the
 * API): groups and their past and upcoming events in events-service, and an archive of accepted talks
 * (with speakers and tags, on those past events) in talks-service. Titles and abstracts are sentences
 * of the real community texts in ../shared/seeds, recombined; the same seed gives the same catalogue.
 */
final class CatalogueLoader {

    private static final int BATCH = 1_000;
    private static final String[] TAGS = {"deep-learning", "computer-vision", "nlp", "reinforcement-learning", "python",
            "research", "tooling", "mlops", "statistics", "robotics", "optimisation", "data"};
    private static final String[] FORMATS = {"TALK", "TALK", "TALK", "LIGHTNING", "KEYNOTE", "PRACTICAL"};
    private static final String[] LEVELS = {"BEGINNER", "INTERMEDIATE", "ADVANCED"};

    private final Podium podium;
    private final List<String> sentences;
    private final Random random = new Random(42);

    CatalogueLoader(Podium podium, Path seeds) throws IOException {
        this.podium = podium;
        this.sentences = sentences(seeds);
    }

    /** What was loaded; the search terms are the archive's most frequent longer words and rarer ones. */
    record Catalogue(int groups, int upcomingEvents, int pastEvents, int talks, List<String> commonTerms,
                     List<String> specificTerms) {
    }

    Catalogue load(int groups, int upcomingPerGroup, int pastPerGroup, int talks) throws SQLException {
        List<String> groupIds = new ArrayList<>();
        List<String[]> pastEvents = new ArrayList<>(); // id, group id, slug, title, starts
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Connection events = podium.connect(Podium.EVENTS_DB); Connection archive = podium.connect(Podium.TALKS_DB)) {
            events.setAutoCommit(false);
            archive.setAutoCommit(false);
            try (PreparedStatement group = events.prepareStatement("""
                         INSERT INTO event_group (id, slug, name, description, time_zone, language, created_at)
                         VALUES (?, ?, ?, ?, 'Europe/Paris', 'en', ?)""");
                 PreparedStatement knownGroup = archive.prepareStatement("""
                         INSERT INTO known_group (id, slug, name, time_zone, language, updated_at) VALUES (?, ?, ?, 'Europe/Paris', 'en', ?)""");
                 PreparedStatement event = events.prepareStatement("""
                         INSERT INTO event (id, group_id, number, title, description, status, time_zone, starts_at_utc, ends_at_utc,
                                            capacity, sequence, created_at, updated_at)
                         VALUES (?, ?, ?, ?, ?, ?, 'Europe/Paris', ?, ?, ?, 0, ?, ?)""");
                 PreparedStatement knownEvent = archive.prepareStatement("""
                         INSERT INTO known_event (id, group_id, group_slug, title, status, starts_at, ends_at, time_zone,
                                                  starts_at_utc, ends_at_utc, updated_at)
                         VALUES (?, ?, ?, ?, 'COMPLETED', ?, ?, 'Europe/Paris', ?, ?, ?)""")) {
                for (int g = 0; g < groups; g++) {
                    String id = UUID.randomUUID().toString();
                    String slug = "catalogue-" + g;
                    String name = "Catalogue community " + g;
                    groupIds.add(id);
                    bind(group, id, slug, name, sentence(), Timestamp.from(now));
                    group.addBatch();
                    bind(knownGroup, id, slug, name, Timestamp.from(now));
                    knownGroup.addBatch();
                    for (int e = 0; e < upcomingPerGroup + pastPerGroup; e++) {
                        boolean past = e < pastPerGroup;
                        Instant starts = past ? now.minus((long) (pastPerGroup - e) * 30 + g % 30, ChronoUnit.DAYS)
                                : now.plus((long) (e - pastPerGroup) * 30 + 1 + g % 30, ChronoUnit.DAYS);
                        String eventId = UUID.randomUUID().toString();
                        String title = name + " #" + (e + 1);
                        bind(event, eventId, id, e + 1, title, paragraph(3), past ? "COMPLETED" : "PUBLISHED",
                                Timestamp.from(starts), Timestamp.from(starts.plus(3, ChronoUnit.HOURS)), 120,
                                Timestamp.from(now), Timestamp.from(now));
                        event.addBatch();
                        if (past) {
                            LocalDateTime local = LocalDateTime.ofInstant(starts, ZoneId.of("Europe/Paris"));
                            bind(knownEvent, eventId, id, slug, title, local, local.plusHours(3), Timestamp.from(starts),
                                    Timestamp.from(starts.plus(3, ChronoUnit.HOURS)), Timestamp.from(now));
                            knownEvent.addBatch();
                            pastEvents.add(new String[] {eventId, id});
                        }
                    }
                }
                group.executeBatch();
                event.executeBatch();
                knownGroup.executeBatch();
                knownEvent.executeBatch();
            }
            events.commit();
            archive.commit();
            loadTalks(archive, talks, pastEvents, now);
        }
        List<String> ranked = rankedWords();
        return new Catalogue(groups, groups * upcomingPerGroup, pastEvents.size(), talks, ranked.subList(0, 6),
                spread(ranked.subList(ranked.size() / 2, ranked.size()), 12));
    }

    private void loadTalks(Connection archive, int talks, List<String[]> pastEvents, Instant now) throws SQLException {
        try (PreparedStatement speaker = archive.prepareStatement("""
                     INSERT INTO speaker (id, name, email, affiliation, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)""");
             PreparedStatement submission = archive.prepareStatement("""
                     INSERT INTO submission (id, event_id, group_id, title, abstract_text, speakers_text, format, duration_minutes,
                                             language, level, status, revision, released_at, submitted_at, updated_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'en', ?, 'ACCEPTED', 0, ?, ?, ?)""");
             PreparedStatement speaks = archive.prepareStatement("""
                     INSERT INTO submission_speaker (submission_id, speaker_id, seq, role, joined_at) VALUES (?, ?, 0, 'MAIN', ?)""");
             PreparedStatement tag = archive.prepareStatement("INSERT INTO submission_tag (submission_id, seq, tag) VALUES (?, ?, ?)")) {
            Timestamp at = Timestamp.from(now);
            for (int t = 0; t < talks; t++) {
                String[] event = pastEvents.get(t % pastEvents.size());
                String speakerId = UUID.randomUUID().toString();
                String name = "Speaker " + t;
                String affiliation = "Lab " + (t % 500);
                bind(speaker, speakerId, name, "speaker-" + t + "@bench.podium.test", affiliation, at, at);
                speaker.addBatch();
                String id = UUID.randomUUID().toString();
                String format = FORMATS[random.nextInt(FORMATS.length)];
                bind(submission, id, event[0], event[1], title(), paragraph(4 + random.nextInt(4)), name + " (" + affiliation + ")",
                        format, "LIGHTNING".equals(format) ? 5 : 30, LEVELS[random.nextInt(LEVELS.length)], at, at, at);
                submission.addBatch();
                bind(speaks, id, speakerId, at);
                speaks.addBatch();
                for (int s = 0; s < 2; s++) {
                    bind(tag, id, s, TAGS[(t + s * 5) % TAGS.length]);
                    tag.addBatch();
                }
                if ((t + 1) % BATCH == 0 || t == talks - 1) {
                    speaker.executeBatch();
                    submission.executeBatch();
                    speaks.executeBatch();
                    tag.executeBatch();
                    archive.commit();
                }
            }
        }
    }

    /** The seed texts' words of seven letters or more, most frequent first. */
    private List<String> rankedWords() {
        Map<String, Integer> frequency = new HashMap<>();
        for (String sentence : sentences) {
            for (String word : sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (word.length() >= 7) {
                    frequency.merge(word, 1, Integer::sum);
                }
            }
        }
        return frequency.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    private static List<String> spread(List<String> words, int count) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < words.size() && picked.size() < count; i += Math.max(1, words.size() / count)) {
            picked.add(words.get(i));
        }
        return picked;
    }

    private String title() {
        String sentence = sentence();
        return sentence.length() <= 120 ? sentence : sentence.substring(0, 120).strip();
    }

    private String sentence() {
        return sentences.get(random.nextInt(sentences.size()));
    }

    private String paragraph(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(sentence());
        }
        return text.length() <= 4000 ? text.toString() : text.substring(0, 4000);
    }

    private static List<String> sentences(Path seeds) throws IOException {
        List<String> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Arrays.stream(Files.readString(file).split("(?<=[.!?])\\s+|\\R"))
                        .map(String::strip)
                        .filter(sentence -> sentence.length() >= 30 && sentence.length() <= 400)
                        .forEach(sentences::add);
            }
        }
        if (sentences.isEmpty()) {
            throw new IllegalStateException("No sentences found in " + seeds);
        }
        return sentences;
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}

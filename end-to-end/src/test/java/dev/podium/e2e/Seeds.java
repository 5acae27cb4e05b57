package dev.podium.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The seed texts the story is told from ({@code shared/seeds}), read as they are. */
final class Seeds {

    static final String MEETUP_13 = "000_2e23afdd145b62ce.txt";
    static final String SUMMER_SCHOOL = "001_570767dd37ac5a2a.txt";
    static final String LIGHTNING_NIGHT = "004_f944ffcf5e8d7e20.txt";

    /** The link mark ending every heading of seed 001: "🔗", stored in the seed as mis-decoded UTF-8 ("πŸ”—"). */
    private static final String HEADING_MARK = " \u03c0\u0178\u201d\u2014";
    private static final Pattern TALK_HEADER = Pattern.compile("^([^()]+) \\((.+)\\) - (.+)$");
    private static final Pattern KEYNOTE = Pattern.compile("^(\\p{Lu}\\p{L}+ \\p{Lu}\\p{L}+): (.+)$");
    private static final Pattern PRACTICAL = Pattern.compile("^\\S+\\s+Practical: (.+)$");
    /** Leading emoji (mis-decoded as they are in the seed): words without any ASCII letter or digit. */
    private static final Pattern LEADING_SYMBOLS = Pattern.compile("^([^\\x00-\\x7F]\\S*\\s+)+");

    private Seeds() {
    }

    /** A talk of the meetup seed: "Speaker (Affiliation) - Title", then "Abstract: …". */
    record Talk(String speaker, String affiliation, String title, String abstractText) {
    }

    /** A session of the summer school: a keynote (with its speaker) or a practical session. */
    record Session(String speaker, String title, boolean practical) {

        /** The session's heading as the seed writes it, emoji aside. */
        String heading() {
            return speaker == null ? "Practical: " + title : speaker + ": " + title;
        }
    }

    static String text(String seed) {
        try {
            return Files.readString(directory().resolve(seed), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed " + seed, e);
        }
    }

    /** The three talks of "Deep Learning Meetup #13", between the dashed separators. */
    static List<Talk> meetupTalks() {
        List<Talk> talks = new ArrayList<>();
        for (String block : text(MEETUP_13).split("-{20,}")) {
            List<String> lines = block.strip().lines().filter(line -> !line.isBlank()).toList();
            if (lines.size() < 2 || !lines.get(1).startsWith("Abstract: ")) {
                continue;
            }
            Matcher header = TALK_HEADER.matcher(lines.get(0).strip());
            if (!header.matches()) {
                throw new IllegalStateException("Unexpected talk header in the seed: " + lines.get(0));
            }
            talks.add(new Talk(header.group(1).strip(), header.group(2).strip(), header.group(3).strip(),
                    lines.get(1).substring("Abstract: ".length()).strip()));
        }
        return talks;
    }

    /** The summer school's keynotes ("Name Surname: title") and practical sessions, in the seed's order. */
    static List<Session> summerSchoolSessions() {
        List<Session> sessions = new ArrayList<>();
        // The seed separates words with no-break spaces here and there.
        for (String line : text(SUMMER_SCHOOL).replace('\u00a0', ' ').lines().toList()) {
            if (!line.endsWith(HEADING_MARK)) {
                continue;
            }
            String heading = line.substring(0, line.length() - HEADING_MARK.length()).strip();
            Matcher practical = PRACTICAL.matcher(heading);
            Matcher keynote = KEYNOTE.matcher(heading);
            if (practical.matches()) {
                sessions.add(new Session(null, withoutLeadingSymbols(practical.group(1)), true));
            } else if (keynote.matches()) {
                sessions.add(new Session(keynote.group(1), withoutLeadingSymbols(keynote.group(2)), false));
            }
        }
        return sessions;
    }

    /** The talks announced in the lightning-talk night's outline ("The Talks :" up to "Wrap-up"). */
    static List<String> lightningTalks() {
        List<String> talks = new ArrayList<>();
        boolean inTalks = false;
        for (String line : text(LIGHTNING_NIGHT).lines().map(String::strip).toList()) {
            if (line.endsWith("The Talks :")) {
                inTalks = true;
            } else if (inTalks && line.endsWith("Wrap-up")) {
                break;
            } else if (inTalks && line.startsWith("•")) {
                talks.add(line.substring(1).strip());
            }
        }
        return talks;
    }

    private static String withoutLeadingSymbols(String title) {
        return LEADING_SYMBOLS.matcher(title.strip()).replaceFirst("");
    }

    private static Path directory() {
        String configured = System.getProperty("podium.seeds.dir");
        Path directory = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "seeds");
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("No seeds at " + directory.toAbsolutePath() + " (set -Dpodium.seeds.dir)");
        }
        return directory;
    }
}

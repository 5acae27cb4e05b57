package dev.podium.talks.submission;

import dev.podium.api.RuleViolation;
import java.util.Map;

/** The kinds of session a talk can be, each with the durations it may last (minutes, inclusive). */
public enum TalkFormat {
    TALK(5, 90),
    LIGHTNING(1, 15),
    KEYNOTE(15, 120),
    PRACTICAL(30, 480),
    WORKSHOP(30, 480);

    /** For the bean-validation pattern of requests. */
    public static final String PATTERN = "TALK|LIGHTNING|KEYNOTE|PRACTICAL|WORKSHOP";

    private final int minMinutes;
    private final int maxMinutes;

    TalkFormat(int minMinutes, int maxMinutes) {
        this.minMinutes = minMinutes;
        this.maxMinutes = maxMinutes;
    }

    public int minMinutes() {
        return minMinutes;
    }

    public int maxMinutes() {
        return maxMinutes;
    }

    /** @throws RuleViolation duration-out-of-range (422) */
    public void requireDuration(int minutes) {
        if (minutes < minMinutes || minutes > maxMinutes) {
            throw new RuleViolation("duration-out-of-range", "Duration out of range",
                    "A " + name() + " lasts " + minMinutes + " to " + maxMinutes + " minutes, not " + minutes,
                    Map.of("format", name(), "minMinutes", minMinutes, "maxMinutes", maxMinutes, "durationMinutes", minutes));
        }
    }
}

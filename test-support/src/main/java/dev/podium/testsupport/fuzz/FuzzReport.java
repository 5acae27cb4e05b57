package dev.podium.testsupport.fuzz;

import java.util.List;
import java.util.Map;

/**
 * What a fuzz run got back: how many answers of each status, and every request that got a 5xx or no
 * answer at all (each printed so it can be replayed).
 */
public record FuzzReport(int sent, Map<Integer, Integer> statuses, List<String> serverErrors, List<String> noAnswers) {

    public int answered(int status) {
        return statuses.getOrDefault(status, 0);
    }

    /** 2xx answers: how many requests got past validation and access checks into a handler's success. */
    public int successes() {
        return statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToInt(Map.Entry::getValue).sum();
    }

    @Override
    public String toString() {
        return sent + " requests, answers by status " + statuses
                + (serverErrors.isEmpty() ? "" : "\n5xx:\n  " + String.join("\n  ", serverErrors))
                + (noAnswers.isEmpty() ? "" : "\nno answer:\n  " + String.join("\n  ", noAnswers));
    }
}

package dev.podium.talks.archive;

import dev.podium.api.PodiumProblem;
import io.micronaut.http.HttpStatus;
import java.util.List;
import java.util.Map;

/**
 * 400: a search of the archive with parameters it cannot use. Programs get the problem of the first
 * ({@code invalid-search-query}, {@code invalid-search-mode}, {@code invalid-date},
 * {@code invalid-date-range}); the archive page shows each beside its field.
 */
final class InvalidArchiveQuery extends PodiumProblem {

    private final transient List<ArchiveQuery.Violation> violations;

    InvalidArchiveQuery(List<ArchiveQuery.Violation> violations) {
        super(violations.get(0).kind(), violations.get(0).title(), HttpStatus.BAD_REQUEST, violations.get(0).detail(), Map.of());
        this.violations = List.copyOf(violations);
    }

    List<ArchiveQuery.Violation> violations() {
        return violations;
    }
}

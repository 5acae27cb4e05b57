package dev.podium.testsupport.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FuzzerTest {

    private Fuzzer fuzzer(long seed) {
        return Fuzzer.forSpec("fuzz-sample.yml").knownValues("slug", List.of("paris-dl")).seed(seed).requests(200);
    }

    @Test
    void theSameSeedGivesTheSameRequests() {
        assertThat(fuzzer(7).generate()).isEqualTo(fuzzer(7).generate());
        assertThat(fuzzer(7).generate()).isNotEqualTo(fuzzer(8).generate());
    }

    @Test
    void everyOperationGetsItsShareAndPathsUseKnownValuesMostly() {
        List<FuzzRequest> requests = fuzzer(7).generate();

        assertThat(requests).filteredOn(r -> r.operation().equals("GET /events")).hasSize(100);
        List<FuzzRequest> posts = requests.stream().filter(r -> r.method().equals("POST")).toList();
        assertThat(posts).hasSize(100);
        assertThat(posts).filteredOn(r -> r.uri().equals("/groups/paris-dl/events")).hasSizeBetween(60, 90);
        assertThat(posts).allSatisfy(r -> assertThat(r.body()).isNotNull());
    }

    @Test
    void bodiesMixWellFormedAndHostileValues() {
        List<String> bodies = fuzzer(7).generate().stream().filter(r -> r.body() != null).map(FuzzRequest::body).toList();

        assertThat(bodies).anyMatch(body -> body.startsWith("{\"title\":\"") && body.contains("\"startsAt\":\"20"));
        assertThat(bodies).anyMatch(body -> body.contains("\\u003cscript") || body.contains("<script") || body.contains("OR"));
        assertThat(bodies).anyMatch(body -> !body.startsWith("{"));
    }
}

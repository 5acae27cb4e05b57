package dev.podium.testsupport.fuzz;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Sends generated requests built from a service's OpenAPI spec and reports what came back.
 * Reproducible: the same spec, known values and seed give the same requests.
 *
 * <pre>
 *   FuzzReport report = Fuzzer.forSpec("META-INF/swagger/podium-events-service-0.1.yml")
 *           .knownValues("eventId", eventIds).seed(20261124L).requests(1000)
 *           .run(http.toBlocking(), () -> adminToken);
 *   assertThat(report.serverErrors()).isEmpty();
 * </pre>
 */
public final class Fuzzer {

    private final OpenApiSpec spec;
    private final Map<String, List<String>> knownValues = new HashMap<>();
    private long seed = 1;
    private int requests = 1000;

    private Fuzzer(OpenApiSpec spec) {
        this.spec = spec;
    }

    public static Fuzzer forSpec(String classpathResource) {
        return new Fuzzer(OpenApiSpec.fromClasspath(classpathResource));
    }

    /** Real values for a path or query parameter of that name (ids of existing resources, valid tokens). */
    public Fuzzer knownValues(String parameter, List<String> values) {
        knownValues.put(parameter, List.copyOf(values));
        return this;
    }

    public Fuzzer seed(long seed) {
        this.seed = seed;
        return this;
    }

    public Fuzzer requests(int requests) {
        this.requests = requests;
        return this;
    }

    public List<OpenApiSpec.Operation> operations() {
        return spec.operations();
    }

    public List<FuzzRequest> generate() {
        return new RequestGenerator(spec, knownValues, seed).generate(requests);
    }

    /** Sends every request; PRIVILEGED ones carry {@code privilegedToken}'s bearer token. */
    public FuzzReport run(BlockingHttpClient http, Supplier<String> privilegedToken) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> noAnswers = new ArrayList<>();
        for (FuzzRequest request : generate()) {
            MutableHttpRequest<Object> httpRequest = HttpRequest.create(HttpMethod.parse(request.method()), request.uri());
            if (request.body() != null) {
                httpRequest.body(request.body()).contentType(request.contentType());
            }
            if (request.caller() == FuzzRequest.Caller.PRIVILEGED) {
                httpRequest.bearerAuth(privilegedToken.get());
            }
            int status;
            try {
                status = http.exchange(httpRequest, String.class).code();
            } catch (HttpClientResponseException e) {
                status = e.getStatus().getCode();
                if (status >= 500) {
                    serverErrors.add(status + " for " + request + "\n    answer: " + e.getResponse().getBody(String.class).orElse(""));
                }
            } catch (RuntimeException e) {
                noAnswers.add(request + "\n    " + e);
                continue;
            }
            statuses.merge(status, 1, Integer::sum);
        }
        return new FuzzReport(requests, statuses, serverErrors, noAnswers);
    }
}

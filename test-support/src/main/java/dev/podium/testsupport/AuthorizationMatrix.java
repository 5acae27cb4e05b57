package dev.podium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.devissuer.Identity;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.web.router.Router;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who may call what, written by hand as a table: each route of the application × each {@link Principal},
 * with the status it must answer. {@link #assertCoversEveryRoute(Router)} fails when the application
 * exposes a route the table lacks (a new endpoint needs its row); {@link #assertAnswers} sends every
 * request and reports every cell that differs, all at once.
 *
 * <pre>
 *   matrix.row(POST, "/groups/{slug}/events", who -> HttpRequest.POST("/groups/" + slug + "/events", body))
 *         .expect(401, 403, 201, 403, 403, 201);   // in the order of Principal
 * </pre>
 * The request is built afresh for each principal, so a row that consumes its target (a DELETE, a
 * cancel) can create a new one each time.
 */
public final class AuthorizationMatrix {

    /** The callers of the matrix, in the order {@link RowBuilder#expect(int...)} takes their statuses. */
    public enum Principal {
        ANONYMOUS, OTHER_GROUPS_ORGANISER, ORGANISER, OTHER_SPEAKER, OWNER_SPEAKER, ADMIN
    }

    private final Map<Principal, Identity> identities;
    private final List<Row> rows = new ArrayList<>();

    /** @param identities who each principal is (ANONYMOUS is sent without a token whatever it maps to) */
    public AuthorizationMatrix(Map<Principal, Identity> identities) {
        this.identities = new EnumMap<>(identities);
        for (Principal principal : Principal.values()) {
            if (principal != Principal.ANONYMOUS) {
                Objects.requireNonNull(this.identities.get(principal), "no identity for " + principal);
            }
        }
    }

    public RowBuilder row(HttpMethod method, String template, Function<Principal, MutableHttpRequest<?>> request) {
        return new RowBuilder(method, template, request);
    }

    /**
     * A read route: its GET row and the row of the HEAD route Micronaut adds beside every GET, which
     * must answer alike: {@code matrix.read("/groups/{slug}", who -> "/groups/" + slug).expect(200, …)}.
     */
    public ReadRowBuilder read(String template, Function<Principal, String> uri) {
        return new ReadRowBuilder(template, uri);
    }

    public final class ReadRowBuilder {
        private final String template;
        private final Function<Principal, String> uri;

        private ReadRowBuilder(String template, Function<Principal, String> uri) {
            this.template = template;
            this.uri = uri;
        }

        /** The statuses of both rows, one per {@link Principal} in declaration order. */
        public AuthorizationMatrix expect(int... statuses) {
            row(HttpMethod.GET, template, who -> HttpRequest.GET(uri.apply(who)).accept("*/*")).expect(statuses);
            return row(HttpMethod.HEAD, template, who -> HttpRequest.HEAD(uri.apply(who)).accept("*/*")).expect(statuses);
        }
    }

    public final class RowBuilder {
        private final HttpMethod method;
        private final String template;
        private final Function<Principal, MutableHttpRequest<?>> request;

        private RowBuilder(HttpMethod method, String template, Function<Principal, MutableHttpRequest<?>> request) {
            this.method = method;
            this.template = template;
            this.request = request;
        }

        /** The statuses, one per {@link Principal} in declaration order. */
        public AuthorizationMatrix expect(int... statuses) {
            if (statuses.length != Principal.values().length) {
                throw new IllegalArgumentException(method + " " + template + ": " + statuses.length
                        + " statuses for " + Principal.values().length + " principals");
            }
            Map<Principal, Integer> expected = new EnumMap<>(Principal.class);
            for (Principal principal : Principal.values()) {
                expected.put(principal, statuses[principal.ordinal()]);
            }
            rows.add(new Row(method, normalise(template), request, expected));
            return AuthorizationMatrix.this;
        }
    }

    private record Row(HttpMethod method, String template, Function<Principal, MutableHttpRequest<?>> request,
                       Map<Principal, Integer> expected) {
        String route() {
            return method + " " + template;
        }
    }

    /** Fails unless every route the router knows has a row, and every row names a real route. */
    public void assertCoversEveryRoute(Router router) {
        TreeSet<String> exposed = router.uriRoutes()
                .map(route -> route.getHttpMethodName() + " " + normalise(route.getUriMatchTemplate().toString()))
                .collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> tabled = rows.stream().map(Row::route).collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> missing = new TreeSet<>(exposed);
        missing.removeAll(tabled);
        TreeSet<String> unknown = new TreeSet<>(tabled);
        unknown.removeAll(exposed);
        assertThat(missing).as("routes the application exposes without a row in the authorization table").isEmpty();
        assertThat(unknown).as("rows of the authorization table that name no route").isEmpty();
    }

    /** Sends each row's request as each principal and fails listing every cell whose status differs. */
    public void assertAnswers(BlockingHttpClient http) {
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Row row : rows) {
            for (Principal principal : Principal.values()) {
                MutableHttpRequest<?> request = row.request().apply(principal);
                if (principal != Principal.ANONYMOUS) {
                    request = Tokens.as(identities.get(principal), request);
                }
                int status = statusOf(http, request);
                int expected = row.expected().get(principal);
                if (status != expected) {
                    wrong.put(row.route() + " as " + principal + " (" + request.getPath() + ")",
                            "expected " + expected + ", got " + status);
                }
            }
        }
        assertThat(wrong).as("authorization cells that differ from the table").isEmpty();
    }

    private static int statusOf(BlockingHttpClient http, MutableHttpRequest<?> request) {
        try {
            return http.exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    /** A route template without its query part ({@code /talks{?q,page}} is {@code /talks}). */
    private static String normalise(String template) {
        String path = template.replaceAll("\\{\\?[^}]*}", "");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}

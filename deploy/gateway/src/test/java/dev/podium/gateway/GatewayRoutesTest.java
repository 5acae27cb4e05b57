package dev.podium.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The routing table against every route the three services declare ({@link ServiceRoutes}: their
 * OpenAPI specs, their controllers' route annotations, the routes of the Podium libraries they use and
 * their static resources). A route added to a service that the table sends elsewhere, or nowhere,
 * fails here with the rule to add; so does a path two services both claim from their own code, which
 * no table could route.
 */
class GatewayRoutesTest {

    private static final Path ROOT = Path.of(System.getProperty("podium.root", "../..")).toAbsolutePath().normalize();

    private final RoutingTable table = RoutingTable.podium();
    private final List<ServiceRoutes.Route> routes = new ServiceRoutes(ROOT).all();

    @Test
    void readsTheRoutesOfEveryService() {
        Map<Upstream, Long> perService = routes.stream().filter(r -> r.source() == ServiceRoutes.Source.OPENAPI)
                .collect(Collectors.groupingBy(ServiceRoutes.Route::service, Collectors.counting()));
        assertThat(perService).containsOnlyKeys(Upstream.values());
        // Routes everyone knows, found by each way of reading them.
        assertThat(routes).anySatisfy(r -> assertRoute(r, "/events/{id}", Upstream.EVENTS, ServiceRoutes.Source.OPENAPI));
        assertThat(routes).anySatisfy(r -> assertRoute(r, "/events/{id}", Upstream.EVENTS, ServiceRoutes.Source.CONTROLLER));
        assertThat(routes).anySatisfy(r -> assertRoute(r, "/events/{eventId}/cfp", Upstream.TALKS, ServiceRoutes.Source.CONTROLLER));
        assertThat(routes).anySatisfy(r -> assertRoute(r, "/talks", Upstream.TALKS, ServiceRoutes.Source.CONTROLLER));
        assertThat(routes).anySatisfy(r -> assertRoute(r, "/unsubscribe", Upstream.NOTIFICATIONS, ServiceRoutes.Source.CONTROLLER));
        assertThat(routes).anySatisfy(r -> assertRoute(r, "/assets/podium.css", Upstream.NOTIFICATIONS, ServiceRoutes.Source.LIBRARY));
        assertThat(routes).anySatisfy(r -> assertRoute(r, "/swagger/podium-events-service-0.1.yml", Upstream.EVENTS,
                ServiceRoutes.Source.STATIC));
    }

    @Test
    void sendsEveryRouteOfEveryServiceToThatService() throws Exception {
        Map<String, List<ServiceRoutes.Route>> byTemplate = routes.stream()
                .collect(Collectors.groupingBy(ServiceRoutes.Route::template, TreeMap::new, Collectors.toList()));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<ServiceRoutes.Route>> entry : byTemplate.entrySet()) {
            String template = entry.getKey();
            Set<Upstream> owners = entry.getValue().stream().map(ServiceRoutes.Route::service).collect(Collectors.toSet());
            Set<Upstream> ownCode = entry.getValue().stream()
                    .filter(r -> r.source() == ServiceRoutes.Source.OPENAPI || r.source() == ServiceRoutes.Source.CONTROLLER)
                    .map(ServiceRoutes.Route::service).collect(Collectors.toSet());
            if (ownCode.size() > 1) {
                problems.add(template + " is served by " + names(ownCode) + " from their own code: one URL can reach only one of"
                        + " them through the gateway; give one of them another path");
                continue;
            }
            String sample = entry.getValue().get(0).samplePath();
            Optional<Upstream> routed = table.route(sample);
            // A path several services serve alike (a library's stylesheet, Swagger UI) may go to any of them;
            // a service's own route only to that service.
            Set<Upstream> acceptable = ownCode.isEmpty() ? owners : ownCode;
            if (routed.isEmpty() || !acceptable.contains(routed.get())) {
                problems.add(template + " (" + describe(entry.getValue()) + ") is routed to "
                        + routed.map(Upstream::serviceName).orElse("nothing (404)") + ", not " + names(acceptable)
                        + ": add a rule to RoutingTable.podium()");
            }
        }
        assertThat(problems).as("routes the gateway would send to the wrong place").isEmpty();
    }

    @Test
    void everyRuleRoutesSomethingAServiceServes() throws Exception {
        List<String> unused = new ArrayList<>();
        for (RoutingTable.Rule rule : table.rules()) {
            boolean used = false;
            for (ServiceRoutes.Route route : routes) {
                if (table.ruleFor(route.samplePath()).filter(rule::equals).isPresent()) {
                    used = true;
                    break;
                }
            }
            if (!used) {
                unused.add(rule.pattern() + " -> " + rule.upstream().serviceName());
            }
        }
        assertThat(unused).as("rules that route nothing any service serves (remove them, or the route they were for is gone)").isEmpty();
    }

    @Test
    void forwardsNoManagementEndpointOfTheServices() throws Exception {
        for (String path : List.of("/prometheus", "/health", "/health/liveness", "/health/readiness", "/routes", "/beans", "/env",
                "/loggers", "/info", "/metrics")) {
            assertThat(table.route(path)).as(path).isEmpty();
        }
        assertThat(GatewayFilter.isGatewayOwn("/health")).isTrue();
        assertThat(GatewayFilter.isGatewayOwn("/health/readiness")).isTrue();
        assertThat(GatewayFilter.isGatewayOwn("/healthy")).isFalse();
    }

    @Test
    void theTalksPathsUnderAnEventOrAGroupGoToTalksServiceTheWebhooksToNotificationsAndTheRestToEventsService() throws Exception {
        Map<String, Upstream> expected = new LinkedHashMap<>();
        expected.put("/events/9f1/cfp", Upstream.TALKS);
        expected.put("/events/9f1/submissions", Upstream.TALKS);
        expected.put("/events/9f1/decisions/release", Upstream.TALKS);
        expected.put("/groups/paris-dl/cfp", Upstream.TALKS);
        expected.put("/groups/paris-dl/submissions", Upstream.TALKS);
        expected.put("/groups/paris-dl/decisions/release", Upstream.TALKS);
        expected.put("/events/9f1", Upstream.EVENTS);
        expected.put("/events/9f1/", Upstream.EVENTS);
        expected.put("/events", Upstream.EVENTS);
        expected.put("/events/9f1/registrations/r1", Upstream.EVENTS);
        expected.put("/events/cfp", Upstream.EVENTS); // an event whose id is "cfp"
        expected.put("/groups/cfp/events", Upstream.EVENTS);
        expected.put("/groups/paris-dl/members/m1/confirmation", Upstream.EVENTS);
        expected.put("/events/9f1/c%66p", Upstream.TALKS); // as the service decodes it
        expected.put("/talks/t1", Upstream.TALKS);
        expected.put("/speakers/s1", Upstream.TALKS);
        expected.put("/unsubscribe", Upstream.NOTIFICATIONS);
        expected.put("/groups/paris-dl/webhooks", Upstream.NOTIFICATIONS);
        expected.put("/groups/webhooks/events", Upstream.EVENTS); // a group whose slug is "webhooks"
        expected.put("/webhooks/3f2c/deliveries/7/redeliver", Upstream.NOTIFICATIONS);
        expected.put("/webhooks/3f2c/secret", Upstream.NOTIFICATIONS);
        expected.put("/admin/calendar-replies", Upstream.NOTIFICATIONS);
        for (Map.Entry<String, Upstream> entry : expected.entrySet()) {
            assertThat(table.route(entry.getKey())).as(entry.getKey()).contains(entry.getValue());
        }
        assertThat(table.route("/eventsx")).isEmpty();
        assertThat(table.route("/swagger/other.yml")).isEmpty();
    }

    @Test
    void refusesAmbiguousTablesAndPathsTheServicesCouldReadDifferently() {
        assertThatThrownBy(() -> new RoutingTable(List.of(new RoutingTable.Rule("/events", Upstream.EVENTS),
                new RoutingTable.Rule("/events", Upstream.TALKS)))).hasMessageContaining("Two rules for /events");
        for (String path : List.of("/events/../prometheus", "/events/%2E%2E", "/./events", "/events/a%2fb", "/events/a%5cb",
                "/events/%E2%28", "events")) {
            assertThatThrownBy(() -> table.route(path)).as(path).isInstanceOf(RoutingTable.UnsafePathException.class);
        }
    }

    private static void assertRoute(ServiceRoutes.Route route, String template, Upstream service, ServiceRoutes.Source source) {
        assertThat(route.template()).isEqualTo(template);
        assertThat(route.service()).isEqualTo(service);
        assertThat(route.source()).isEqualTo(source);
    }

    private static String names(Set<Upstream> services) {
        return services.stream().map(Upstream::serviceName).sorted().collect(Collectors.joining(" and "));
    }

    private static String describe(List<ServiceRoutes.Route> found) {
        return found.stream().map(r -> r.service().serviceName() + " " + r.source().name().toLowerCase() + " " + r.where())
                .distinct().collect(Collectors.joining("; "));
    }
}

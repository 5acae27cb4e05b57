package dev.podium.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Refuses a request with 503 and {@code Retry-After} when the replica already holds
 * {@code podium.http.max-requests-in-flight} (HTTP_MAX_REQUESTS_IN_FLIGHT) requests, before it is
 * routed or queued for a worker thread (see {@link InFlightLimit}). The health endpoints are never
 * refused: an orchestrator must not restart a replica for being busy. A place is given back however
 * the request ends (answered, failed, or the client gone).
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class LoadShedding implements HttpServerFilter, Ordered {

    private final InFlightLimit limit;

    LoadShedding(@Value("${podium.http.max-requests-in-flight:2000}") int maxRequestsInFlight) {
        this.limit = new InFlightLimit(maxRequestsInFlight);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getPath().startsWith("/health")) {
            return chain.proceed(request);
        }
        if (!limit.tryEnter()) {
            return Publishers.just(new Overloaded(limit.limit()));
        }
        return Flux.from(chain.proceed(request)).doFinally(signal -> limit.leave());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}

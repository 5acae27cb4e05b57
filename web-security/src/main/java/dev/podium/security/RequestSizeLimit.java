package dev.podium.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.HttpServerConfiguration;

/**
 * Answers 413 to a request that declares a body larger than {@code micronaut.server.max-request-size},
 * before routing. Micronaut enforces that limit only when a route reads the body (a POST that takes
 * none would accept any size): the limit should not depend on what the route does.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestSizeLimit implements Ordered {

    private final long maxRequestSize;

    RequestSizeLimit(HttpServerConfiguration server) {
        this.maxRequestSize = server.getMaxRequestSize();
    }

    @RequestFilter
    void refuseOversizedBodies(HttpRequest<?> request) {
        long declared = request.getContentLength();
        if (declared > maxRequestSize) {
            throw new ContentLengthExceededException(maxRequestSize, declared);
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}

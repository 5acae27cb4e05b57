package dev.podium.pages;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;

/**
 * Headers that keep a page from being turned against its reader: every response is
 * {@code nosniff} with a same-origin referrer policy; every HTML page gets a Content-Security-Policy
 * that allows nothing but this origin's stylesheet and images, no script at all (the pages need
 * none), forms posting only here, and no framing. Swagger UI, which needs its inline script, is
 * left out ({@code podium.pages.csp-exempt-paths}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeaders implements Ordered {

    static final String POLICY = "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'; img-src 'self' data:; style-src 'self'";

    private final List<String> exemptPaths;

    SecurityHeaders(@Value("${podium.pages.csp-exempt-paths:/swagger-ui,/swagger}") List<String> exemptPaths) {
        this.exemptPaths = exemptPaths;
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "same-origin");
        boolean html = response.getContentType().map(type -> type.matches(MediaType.TEXT_HTML_TYPE)).orElse(false);
        if (html && exemptPaths.stream().noneMatch(request.getPath()::startsWith)) {
            response.header("Content-Security-Policy", POLICY);
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.after();
    }
}

package dev.podium.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a form posted to Podium from another site (cross-site request forgery: a page elsewhere
 * that RSVPs or unsubscribes its visitor). Browsers say where a request comes from
 * ({@code Sec-Fetch-Site}, and {@code Origin} on every POST); a form from another origin gets 403.
 * A request that carries neither header does not come from a browser's form (a mail provider's
 * RFC 8058 one-click unsubscribe, an API client), which a forged page cannot make, so it passes.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CrossSiteFormGuard implements Ordered {

    private static final Set<HttpMethod> ACTING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseCrossSiteForms(HttpRequest<?> request) {
        if (!ACTING.contains(request.getMethod()) || !isForm(request)) {
            return null;
        }
        String fetchSite = request.getHeaders().get("Sec-Fetch-Site");
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        boolean crossSite = "cross-site".equalsIgnoreCase(fetchSite) || (origin != null && !isSameOrigin(origin, request));
        return crossSite ? refused() : null;
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType()
                .map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)
                        || type.matches(MediaType.TEXT_PLAIN_TYPE))
                .orElse(false);
    }

    /**
     * The origin the page was served from is the host the browser sent this request to. X-Forwarded-Host
     * is read from any peer: a forged page cannot set it (a form sends no custom header, and a
     * cross-origin fetch with one needs a CORS preflight that Podium answers with no permission), so
     * only a program could, and a program needs no forgery to post.
     */
    private static boolean isSameOrigin(String origin, HttpRequest<?> request) {
        String host = request.getHeaders().get("X-Forwarded-Host", String.class)
                .orElseGet(() -> request.getHeaders().get(HttpHeaders.HOST));
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && authority.toLowerCase(Locale.ROOT).equals(host.split(",")[0].strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static HttpResponse<String> refused() {
        return HttpResponse.<String>status(io.micronaut.http.HttpStatus.FORBIDDEN)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .body("""
                        <!doctype html>
                        <html lang="en"><head><meta charset="utf-8"><title>Form refused</title>
                        <link rel="stylesheet" href="/assets/podium.css"></head>
                        <body><main id="main"><h1>Form refused</h1>
                        <p>This form was sent from another website, so Podium did not act on it.
                        Open the page on Podium itself and send the form from there.</p></main></body></html>
                        """);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}

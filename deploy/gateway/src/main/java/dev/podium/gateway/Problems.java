package dev.podium.gateway;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * The gateway's own answers, as RFC 9457 problem+json like the services' (same type URIs), written
 * by hand: the gateway has no problem library and needs none for four kinds.
 */
final class Problems {

    static final String TYPE_BASE = "https://podium.dev/problems/";
    static final String PROBLEM_JSON = "application/problem+json";
    /** Seconds a client should wait before retrying when a service did not answer. */
    static final int RETRY_AFTER_SECONDS = 5;

    private Problems() {
    }

    static MutableHttpResponse<String> notFound(String rawPath) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not Found",
                "Nothing is served at " + rawPath + ".");
    }

    static MutableHttpResponse<String> invalidPath(String reason) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-path", "Bad Request",
                "The request's path cannot be forwarded: " + reason + ".");
    }

    static MutableHttpResponse<String> tooLarge(long maxRequestSize) {
        return problem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "request-too-large", "Payload Too Large",
                "The request's body is larger than " + maxRequestSize + " bytes (GATEWAY_MAX_REQUEST_SIZE).");
    }

    static MutableHttpResponse<String> badGateway(Upstream upstream, String why) {
        return problem(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad Gateway",
                upstream.serviceName() + " could not be reached (" + why + "). Retry in a few seconds.")
                .header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }

    static MutableHttpResponse<String> gatewayTimeout(Upstream upstream) {
        return problem(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "Gateway Timeout",
                upstream.serviceName() + " did not answer in time. Retry in a few seconds; a change you sent may"
                        + " have been made already.")
                .header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }

    private static MutableHttpResponse<String> problem(HttpStatus status, String kind, String title, String detail) {
        String json = "{\"type\":\"" + TYPE_BASE + kind + "\",\"title\":" + quote(title) + ",\"status\":" + status.getCode()
                + ",\"detail\":" + quote(detail) + "}";
        return HttpResponse.<String>status(status).contentType(PROBLEM_JSON).body(json);
    }

    /** A JSON string literal (Jackson's escaping: quotes, backslashes and control characters). */
    private static String quote(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }
}

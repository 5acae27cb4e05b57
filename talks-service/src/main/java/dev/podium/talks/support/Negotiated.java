package dev.podium.talks.support;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import java.util.Map;

/**
 * The two answers of a URL that people and programs share ({@code PageRequests.wantsPage} chooses):
 * a page rendered from a template, or the API's JSON. Both say that they vary with {@code Accept}, so
 * that no cache hands a page to a program or JSON to a browser; a page also varies with the language.
 */
public final class Negotiated {

    private Negotiated() {
    }

    public static MutableHttpResponse<?> page(HttpStatus status, String view, Map<String, Object> model) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model))
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE);
    }

    public static MutableHttpResponse<?> json(Object body) {
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }
}

package dev.podium.pages;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.problem.ProblemErrorResponseProcessor;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.zalando.problem.ThrowableProblem;

/**
 * The same errors for people as for programs: a browser (it asks for {@code text/html}) gets the
 * problem as a page with the same status, title, detail and {@code Retry-After} (a rate limit says
 * when to try again); any other client gets problem+json as before.
 */
@Singleton
@Primary
class PageErrors implements ErrorResponseProcessor<Object> {

    private final ProblemErrorResponseProcessor problems;
    private final ThymeleafViewsRenderer<Map<String, Object>> views;

    PageErrors(ProblemErrorResponseProcessor problems, ThymeleafViewsRenderer<Map<String, Object>> views) {
        this.problems = problems;
        this.views = views;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        if (!PageRequests.wantsPage(request)) {
            return (MutableHttpResponse<Object>) (MutableHttpResponse<?>) problems.processResponse(context, response);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", response.code());
        model.put("title", title(context, response));
        model.put("detail", detail(context, response));
        model.putAll(LanguageLinks.of(request));
        response.getHeaders().findFirst(HttpHeaders.RETRY_AFTER).ifPresent(seconds -> model.put("retryAfterSeconds", seconds));
        Object page = views.render("error", model, request);
        MutableHttpResponse<Object> pageResponse = (MutableHttpResponse<Object>) response;
        pageResponse.body(page);
        return pageResponse.contentType(MediaType.TEXT_HTML_TYPE);
    }

    private static String title(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRootCause().orElse(null) instanceof ThrowableProblem problem && problem.getTitle() != null) {
            return problem.getTitle();
        }
        return response.reason();
    }

    /** An unexpected failure's message names internals (classes, templates, SQL): it goes to the log, not to the page. */
    private static String detail(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRootCause().orElse(null) instanceof ThrowableProblem problem && problem.getDetail() != null) {
            return problem.getDetail();
        }
        if (response.code() >= 500) {
            return null;
        }
        return context.getErrors().stream().map(Error::getMessage).findFirst().orElse(null);
    }
}

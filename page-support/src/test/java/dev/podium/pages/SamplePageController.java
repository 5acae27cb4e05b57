package dev.podium.pages;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;

/** A page built the way the services build theirs, to test the layout and the filters on. */
@Controller("/sample")
@Secured(SecurityRule.IS_ANONYMOUS)
class SamplePageController {

    record Sample(String title) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @QueryValue(defaultValue = "") String groupLanguage) {
        PageLanguage.prefer(request, groupLanguage);
        return new ModelAndView<>("sample/page", Map.of("sample", new Sample("Deep Learning Meetup #13 — Université"),
                "abstractHtml", SafeMarkdown.toHtml("**Bold** <script>alert(1)</script> [x](javascript:alert(1))")));
    }

    @Get(value = "/broken", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> broken() {
        return new ModelAndView<>("sample/broken", Map.of("sample", new Sample("A page whose template is wrong")));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_PLAIN)
    HttpResponse<String> act(@Body Map<String, String> form) {
        return HttpResponse.ok("acted for " + form.get("name"));
    }

    @Get(value = "/limited", produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    String limited() {
        throw org.zalando.problem.Problem.builder()
                .withType(java.net.URI.create("https://podium.dev/problems/rate-limited"))
                .withTitle("Too many requests")
                .withStatus(new io.micronaut.problem.HttpStatusType(io.micronaut.http.HttpStatus.TOO_MANY_REQUESTS))
                .withDetail("Too many requests from this address; retry in 42 s")
                .build();
    }

    @Factory
    static class SampleMessages {
        @Singleton
        @Named("sample")
        MessageSource sampleMessages() {
            return new ResourceBundleMessageSource("i18n.sample");
        }
    }
}

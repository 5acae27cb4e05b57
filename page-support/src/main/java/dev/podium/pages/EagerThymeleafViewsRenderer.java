package dev.podium.pages;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

/**
 * Renders a page completely before the response starts. Micronaut's renderer returns a
 * {@link Writable} that runs the template while the body is being written; a template that fails
 * there (a wrong expression, a missing fragment) leaves the response half-begun and the browser
 * waiting until it times out. Rendered here, the failure happens while the request can still be
 * answered, so it becomes a 500 error page like any other unexpected exception. Pages are small
 * (the event page is well under 50 KB), so holding one in memory costs nothing that matters.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
class EagerThymeleafViewsRenderer<T> extends ThymeleafViewsRenderer<T> {

    EagerThymeleafViewsRenderer(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
                                ClassPathResourceLoader resourceLoader, HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, engine, resourceLoader, httpLocaleResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        StringWriter page = new StringWriter();
        try {
            super.render(viewName, data, request).writeTo(page);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the page " + viewName, e);
        }
        String html = page.toString();
        return out -> out.write(html);
    }
}

package dev.podium.pages;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/** Gives the pages' templates (and their {@code #{…}} messages) the {@link PageLanguage} of the request. */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
class PageLocaleResolver implements HttpLocaleResolver {

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return Optional.of(resolveOrDefault(request));
    }

    @Override
    public Locale resolveOrDefault(HttpRequest<?> request) {
        return PageLanguage.of(request).locale();
    }
}

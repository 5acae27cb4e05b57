package dev.podium.talks.support;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The words of talks-service's pages (the archive, a talk, a speaker) in English and French,
 * {@code i18n/talks-pages*.properties}; the layout's own words come from page-support.
 */
@Factory
class PageMessages {

    @Singleton
    @Named("talks-pages")
    MessageSource talksPageMessages() {
        return new ResourceBundleMessageSource("i18n.talks-pages");
    }
}

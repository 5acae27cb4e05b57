package dev.podium.pages;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The layout's own words (skip link, language switch, footer), in {@code i18n/layout*.properties}. */
@Factory
class LayoutMessages {

    @Singleton
    @Named("layout")
    MessageSource layoutMessages() {
        return new ResourceBundleMessageSource("i18n.layout");
    }
}

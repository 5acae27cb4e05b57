package dev.podium.events.support;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The words of events-service's pages ({@code i18n/events-pages*.properties}), in English and French. */
@Factory
class PageMessages {

    @Singleton
    @Named("events-pages")
    MessageSource eventsPageMessages() {
        return new ResourceBundleMessageSource("i18n.events-pages");
    }
}

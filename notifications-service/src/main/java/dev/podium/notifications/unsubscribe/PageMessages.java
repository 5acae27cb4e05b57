package dev.podium.notifications.unsubscribe;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The texts of the web pages ({@code i18n/pages*.properties}), in the browser's language. */
@Factory
class PageMessages {

    @Singleton
    MessageSource pageMessages() {
        return new ResourceBundleMessageSource("i18n.pages");
    }
}

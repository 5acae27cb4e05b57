package dev.podium.notifications.email;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email's HTML and plain-text parts from Thymeleaf templates ({@code email/<name>.html},
 * {@code email/<name>.txt}) with {@code #{…}} texts from {@link EmailMessages}. HTML output escapes
 * every value ({@code th:text}), so markup typed into an abstract arrives as text.
 */
@Singleton
public class EmailTemplates {

    private final TemplateEngine engine = new TemplateEngine();

    EmailTemplates() {
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
        engine.setMessageResolver(new BundleMessageResolver());
    }

    public RenderedEmail render(String template, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale, variables);
        return new RenderedEmail(engine.process(template + ".html", context), engine.process(template + ".txt", context));
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("email/");
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** Both parts of one email. */
    public record RenderedEmail(String html, String text) {
    }

    private static final class BundleMessageResolver extends AbstractMessageResolver {

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] arguments) {
            return EmailMessages.text(context.getLocale(), key, arguments == null ? new Object[0] : arguments);
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                        Object[] arguments) {
            return "??" + key + "_" + context.getLocale() + "??";
        }
    }
}

package dev.podium.talks.speaker;

import dev.podium.pages.JsonLd;
import dev.podium.pages.SafeMarkdown;
import dev.podium.talks.support.ChosenLanguage;
import dev.podium.talks.support.MarkdownText;
import dev.podium.talks.support.ShownTime;
import dev.podium.talks.support.WebLinks;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a speaker's page ({@code views/talks/speaker.html}) shows: name, affiliation, position, bio
 * (Markdown rendered safely), links and their talks in the archive, each dated in its event's time
 * zone in the reader's language; a schema.org {@code Person}. There is no email address in it:
 * the model is built from the public profile only.
 */
@Singleton
class SpeakerPages {

    static final String VIEW = "talks/speaker";
    private static final int DESCRIPTION_CODE_POINTS = 200;

    private final MessageSource messages;
    private final String publicBaseUrl;

    SpeakerPages(@Named("talks-pages") MessageSource messages, @Value("${podium.talks.public-base-url}") String publicBaseUrl) {
        this.messages = messages;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** A link named for where it leads. */
    record Link(String label, String url) {
    }

    /** A talk of the speaker: its title (in the talk's {@code language}) links to its page, its event to the event's. */
    record TalkItem(String url, String title, @Nullable String language, @Nullable String eventTitle, @Nullable String eventUrl,
                    @Nullable String groupName, @Nullable ShownTime when) {
    }

    /** @param lang the language the reader chose ({@code ?lang=}), kept by the page's links; null for none */
    Map<String, Object> page(SpeakerService.PublicSpeaker speaker, @Nullable String lang, Locale locale) {
        SpeakerView profile = speaker.profile();
        String url = publicBaseUrl + "/speakers/" + profile.id();
        List<Link> links = new ArrayList<>();
        link(links, text("speaker.links.site", locale), profile.links().site());
        link(links, text("speaker.links.github", locale), profile.links().github());
        link(links, text("speaker.links.slides", locale), profile.links().slides());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", profile.name());
        model.put("affiliation", profile.affiliation());
        model.put("position", profile.position());
        model.put("bioHtml", SafeMarkdown.toHtml(profile.bio()));
        model.put("links", links);
        model.put("talks", speaker.talks().stream().map(talk -> new TalkItem(ChosenLanguage.keep("/talks/" + talk.id(), lang),
                talk.title(), talk.language(), talk.eventTitle(), talk.eventId() == null ? null : ChosenLanguage.keep("/events/" + talk.eventId(), lang),
                talk.groupName(), ShownTime.of(talk.startsAt(), talk.timeZone(), locale))).toList());
        model.put("archiveUrl", ChosenLanguage.keep("/talks", lang));
        model.put("canonicalUrl", url);
        model.put("description", description(profile, locale));
        model.put("jsonLd", JsonLd.of(person(profile, url, links)));
        return model;
    }

    private String description(SpeakerView profile, Locale locale) {
        String bio = MarkdownText.snippet(profile.bio(), DESCRIPTION_CODE_POINTS);
        if (!bio.isEmpty()) {
            return bio;
        }
        return profile.affiliation() == null ? text("speaker.description", locale, profile.name())
                : text("speaker.description.affiliation", locale, profile.name(), profile.affiliation());
    }

    private static Map<String, Object> person(SpeakerView profile, String url, List<Link> links) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@context", "https://schema.org");
        person.put("@type", "Person");
        person.put("@id", url);
        person.put("url", url);
        person.put("name", profile.name());
        person.put("jobTitle", profile.position());
        person.put("affiliation", profile.affiliation() == null ? null : Map.of("@type", "Organization", "name", profile.affiliation()));
        person.put("description", profile.bio() == null ? null : MarkdownText.plain(profile.bio()));
        person.put("sameAs", links.isEmpty() ? null : links.stream().map(Link::url).toList());
        return person;
    }

    private static void link(List<Link> links, String label, @Nullable String url) {
        String href = WebLinks.href(url);
        if (href != null) {
            links.add(new Link(label, href));
        }
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, locale, arguments).orElse(key);
    }
}

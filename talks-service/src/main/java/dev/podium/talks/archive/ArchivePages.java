package dev.podium.talks.archive;

import dev.podium.api.PageView;
import dev.podium.pages.JsonLd;
import dev.podium.pages.SafeMarkdown;
import dev.podium.talks.catalog.KnownGroup;
import dev.podium.talks.materials.MaterialsView;
import dev.podium.talks.support.ChosenLanguage;
import dev.podium.talks.support.MarkdownText;
import dev.podium.talks.support.ShownTime;
import dev.podium.talks.support.WebLinks;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the archive's pages show, ready for their templates ({@code views/talks/archive.html},
 * {@code views/talks/talk.html}): texts in the reader's language, dates in the event's time zone,
 * abstracts rendered safely, links built with the search's filters kept, and a talk's structured
 * data (schema.org JSON-LD) and Open Graph description.
 */
@Singleton
class ArchivePages {

    static final String ARCHIVE_VIEW = "talks/archive";
    static final String TALK_VIEW = "talks/talk";
    private static final int SNIPPET_CODE_POINTS = 280;
    private static final int DESCRIPTION_CODE_POINTS = 200;

    private final MessageSource messages;
    private final String publicBaseUrl;

    ArchivePages(@Named("talks-pages") MessageSource messages, @Value("${podium.talks.public-base-url}") String publicBaseUrl) {
        this.messages = messages;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /**
     * The search form as the reader filled it in, kept as typed so that a refused value stays in its field.
     *
     * @param lang the language the reader chose on the page ({@code ?lang=}), kept by the form and the
     *             page links; null when the page follows their browser
     */
    record Form(@Nullable String q, @Nullable String mode, @Nullable String tag, @Nullable String group,
                @Nullable String from, @Nullable String to, @Nullable Integer size, @Nullable String lang) {

        public boolean filtered() {
            return isSet(q) || isSet(tag) || isSet(group) || isSet(from) || isSet(to);
        }

        public boolean booleanMode() {
            return "boolean".equalsIgnoreCase(mode == null ? null : mode.strip());
        }

        /** {@code /talks} with these filters and {@code page}, the empty ones left out. */
        String link(int page) {
            UriBuilder uri = UriBuilder.of("/talks");
            keep(uri, "q", q);
            keep(uri, "mode", mode);
            keep(uri, "tag", tag);
            keep(uri, "group", group);
            keep(uri, "from", from);
            keep(uri, "to", to);
            keep(uri, "size", size == null ? null : size.toString());
            keep(uri, "lang", lang);
            if (page > 0) {
                uri.queryParam("page", page);
            }
            return uri.build().toString();
        }

        private static void keep(UriBuilder uri, String name, @Nullable String value) {
            if (isSet(value)) {
                uri.queryParam(name, value.strip());
            }
        }

        private static boolean isSet(@Nullable String value) {
            return value != null && !value.isBlank();
        }
    }

    /**
     * What the page says beside each field of the form whose value it could not use (null where none).
     * A record rather than a map: in a template's OGNL, {@code 'q'} would be a character, not a key.
     */
    record FieldErrors(@Nullable String q, @Nullable String mode, @Nullable String from, @Nullable String to) {

        static final FieldErrors NONE = new FieldErrors(null, null, null, null);

        public boolean any() {
            return q != null || mode != null || from != null || to != null;
        }
    }

    /** A group the form offers; {@code selected} when it is the one searched. */
    record GroupOption(String slug, String name, boolean selected) {
    }

    /**
     * A talk in the results: its title links to its page.
     *
     * @param language the talk's own language, which its title and snippet are marked with (the page's may differ)
     */
    record Result(String url, String title, @Nullable String language, List<String> speakers, @Nullable String eventTitle,
                  @Nullable String eventUrl, @Nullable String groupName, @Nullable ShownTime when, String snippet) {
    }

    /** Previous and next pages of the results (null where there is none), and which talks this page shows. */
    record Pager(@Nullable String previousUrl, @Nullable String nextUrl, String first, String last, String total) {
    }

    /** A link named for what it leads to: a talk's slides, a reference, a tag of the archive. */
    record Link(String label, String url) {
    }

    /** A speaker of a talk, linking to their page. */
    record SpeakerLink(String name, @Nullable String affiliation, String url) {
    }

    Map<String, Object> results(Form form, PageView<PublicTalkView> found, List<KnownGroup> groups, Locale locale) {
        Map<String, Object> model = form(form, FieldErrors.NONE, groups, locale);
        List<Result> results = found.items().stream().map(talk -> result(talk, form.lang(), locale)).toList();
        model.put("results", results);
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        long first = (long) found.page() * found.size() + 1;
        boolean hasNext = first - 1 + results.size() < found.total();
        model.put("pager", new Pager(found.page() > 0 ? form.link(found.page() - 1) : null,
                hasNext ? form.link(found.page() + 1) : null,
                numbers.format(first), numbers.format(first - 1 + results.size()), numbers.format(found.total())));
        return model;
    }

    Map<String, Object> invalid(Form form, List<ArchiveQuery.Violation> violations, List<KnownGroup> groups, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (ArchiveQuery.Violation violation : violations) {
            byField.putIfAbsent(violation.field(), text(violation.messageKey(), locale, violation.arguments()));
        }
        return form(form, new FieldErrors(byField.get("q"), byField.get("mode"), byField.get("from"), byField.get("to")), groups, locale);
    }

    private Map<String, Object> form(Form form, FieldErrors errors, List<KnownGroup> groups, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        List<GroupOption> options = new ArrayList<>();
        String searched = form.group() == null ? "" : form.group().strip();
        boolean known = false;
        for (KnownGroup group : groups) {
            boolean selected = group.slug().equals(searched);
            known |= selected;
            options.add(new GroupOption(group.slug(), group.name(), selected));
        }
        if (!searched.isEmpty() && !known) {
            options.add(new GroupOption(searched, searched, true));
        }
        model.put("groups", options);
        model.put("canonicalUrl", publicBaseUrl + "/talks");
        model.put("description", text("archive.description", locale));
        return model;
    }

    private Result result(PublicTalkView talk, @Nullable String lang, Locale locale) {
        TalkView.Event event = talk.event();
        return new Result(ChosenLanguage.keep("/talks/" + talk.id(), lang), talk.title(), talk.language(),
                talk.speakers().stream().map(PublicTalkView.Speaker::name).toList(),
                event == null ? null : event.title(), event == null ? null : ChosenLanguage.keep("/events/" + event.id(), lang),
                groupName(talk), event == null ? null : ShownTime.of(event.startsAt(), event.timeZone(), locale),
                MarkdownText.snippet(talk.abstractText(), SNIPPET_CODE_POINTS));
    }

    /** @param lang the language the reader chose ({@code ?lang=}), kept by the page's links; null for none */
    Map<String, Object> talk(PublicTalkView talk, @Nullable String lang, Locale locale) {
        TalkView.Event event = talk.event();
        ShownTime when = event == null ? null : ShownTime.of(event.startsAt(), event.timeZone(), locale);
        String url = publicBaseUrl + "/talks/" + talk.id();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("talk", talk);
        model.put("abstractHtml", SafeMarkdown.toHtml(talk.abstractText()));
        model.put("description", MarkdownText.snippet(talk.abstractText(), DESCRIPTION_CODE_POINTS));
        model.put("canonicalUrl", url);
        model.put("speakers", talk.speakers().stream()
                .map(s -> new SpeakerLink(s.name(), s.affiliation(), ChosenLanguage.keep("/speakers/" + s.id(), lang))).toList());
        model.put("when", when);
        model.put("eventUrl", event == null ? null : ChosenLanguage.keep("/events/" + event.id(), lang));
        model.put("archiveUrl", ChosenLanguage.keep("/talks", lang));
        model.put("groupName", groupName(talk));
        model.put("language", talk.language() == null ? null : languageName(talk.language(), locale));
        model.put("duration", text("talk.minutes", locale, talk.durationMinutes()));
        model.put("materials", materials(talk.materials(), locale));
        model.put("tagLinks", talk.tags().stream()
                .map(tag -> new Link(tag, ChosenLanguage.keep(UriBuilder.of("/talks").queryParam("tag", tag).build().toString(), lang))).toList());
        model.put("jsonLd", JsonLd.of(structuredData(talk, url, when)));
        return model;
    }

    private List<Link> materials(@Nullable MaterialsView materials, Locale locale) {
        List<Link> links = new ArrayList<>();
        if (materials == null) {
            return links;
        }
        addLink(links, text("talk.materials.slides", locale), materials.slidesUrl());
        addLink(links, text("talk.materials.video", locale), materials.videoUrl());
        addLink(links, text("talk.materials.code", locale), materials.codeUrl());
        materials.references().forEach(reference -> addLink(links, reference.title(), reference.url()));
        return links;
    }

    private static void addLink(List<Link> links, String label, @Nullable String url) {
        String href = WebLinks.href(url);
        if (href != null) {
            links.add(new Link(label, href));
        }
    }

    /**
     * schema.org structured data of a talk: a {@code CreativeWork} (a talk is neither a paper nor a
     * slide deck; its slides are a part of it), by its speakers, given at its event.
     */
    private Map<String, Object> structuredData(PublicTalkView talk, String url, @Nullable ShownTime when) {
        Map<String, Object> work = new LinkedHashMap<>();
        work.put("@context", "https://schema.org");
        work.put("@type", "CreativeWork");
        work.put("@id", url);
        work.put("url", url);
        work.put("name", talk.title());
        work.put("abstract", MarkdownText.plain(talk.abstractText()));
        work.put("author", talk.speakers().stream().map(this::person).toList());
        work.put("datePublished", when == null ? null : when.isoDateTime());
        work.put("inLanguage", talk.language());
        work.put("timeRequired", Duration.ofMinutes(talk.durationMinutes()).toString());
        work.put("keywords", talk.tags().isEmpty() ? null : talk.tags());
        TalkView.Event event = talk.event();
        if (event != null) {
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("@type", "Event");
            given.put("name", event.title());
            given.put("startDate", when == null ? null : when.isoDateTime());
            given.put("url", publicBaseUrl + "/events/" + event.id());
            work.put("recordedAt", given);
        }
        MaterialsView materials = talk.materials();
        if (materials != null) {
            List<Map<String, Object>> parts = new ArrayList<>();
            part(parts, "PresentationDigitalDocument", "Slides", materials.slidesUrl());
            part(parts, "VideoObject", "Video", materials.videoUrl());
            part(parts, "SoftwareSourceCode", "Code", materials.codeUrl());
            work.put("hasPart", parts.isEmpty() ? null : parts);
            List<Map<String, Object>> citations = new ArrayList<>();
            materials.references().forEach(reference -> part(citations, "CreativeWork", reference.title(), reference.url()));
            work.put("citation", citations.isEmpty() ? null : citations);
        }
        return work;
    }

    private Map<String, Object> person(PublicTalkView.Speaker speaker) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@type", "Person");
        person.put("name", speaker.name());
        person.put("url", publicBaseUrl + "/speakers/" + speaker.id());
        person.put("affiliation", speaker.affiliation() == null ? null : Map.of("@type", "Organization", "name", speaker.affiliation()));
        return person;
    }

    private static void part(List<Map<String, Object>> parts, String type, String name, @Nullable String url) {
        String href = WebLinks.href(url);
        if (href != null) {
            parts.add(Map.of("@type", type, "name", name, "url", href));
        }
    }

    @Nullable
    private static String groupName(PublicTalkView talk) {
        PublicTalkView.Group group = talk.group();
        if (group == null) {
            return null;
        }
        return group.name() == null ? group.slug() : group.name();
    }

    /** The talk's language in the reader's ("anglais" for {@code en} on a French page); the code itself if Java has no name for it. */
    private static String languageName(String code, Locale locale) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
        return name.isBlank() ? code : name;
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, locale, arguments).orElse(key);
    }
}

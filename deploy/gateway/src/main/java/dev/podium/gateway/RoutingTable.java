package dev.podium.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which service owns a path. A rule is a path prefix made of whole segments, where a segment may be a
 * glob ({@code *} stands for any characters within one segment): {@code /events} matches
 * {@code /events} and everything below it, {@code /events/*}{@code /cfp} matches
 * {@code /events/<any id>/cfp} and everything below it. The most specific rule wins (more segments
 * first, then more literal segments), whatever the order rules are listed in; two rules with the
 * same pattern are refused.
 *
 * <p>Paths are compared segment by segment after percent-decoding each segment on its own (so the
 * gateway sees the path as the service will), and a path the services could read differently from the
 * gateway is refused by {@link #parse}: dot segments ({@code .}, {@code ..}, also percent-encoded) and
 * encoded slashes or backslashes inside a segment.
 *
 * <p>{@link #podium()} is Podium's table. {@code GatewayRoutesTest} checks it against every route the
 * three services declare (their OpenAPI specs and their route annotations), so a route added to a
 * service without its rule here fails the build.
 */
public final class RoutingTable {

    /** One rule: a path prefix of whole (glob) segments, and the service it belongs to. */
    public record Rule(String pattern, Upstream upstream) {

        List<Pattern> segments() {
            return Arrays.stream(pattern.substring(1).split("/", -1))
                    .map(segment -> Pattern.compile(String.join("[^/]*",
                            Arrays.stream(segment.split("\\*", -1)).map(Pattern::quote).toList())))
                    .toList();
        }

        long literalSegments() {
            return Arrays.stream(pattern.substring(1).split("/", -1)).filter(s -> !s.contains("*")).count();
        }
    }

    private record CompiledRule(Rule rule, List<Pattern> segments) {
        boolean matches(List<String> path) {
            if (path.size() < segments.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                if (!segments.get(i).matcher(path.get(i)).matches()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A path the gateway will not forward, with the reason. */
    public static final class UnsafePathException extends Exception {
        UnsafePathException(String message) {
            super(message);
        }
    }

    private final List<Rule> rules;
    private final List<CompiledRule> compiled;

    public RoutingTable(List<Rule> rules) {
        Set<String> patterns = new HashSet<>();
        for (Rule rule : rules) {
            if (!rule.pattern().startsWith("/") || rule.pattern().length() < 2 || rule.pattern().endsWith("/")
                    || rule.pattern().contains("//") || rule.pattern().contains("**")) {
                throw new IllegalArgumentException("Not a rule pattern (/segment/segment…, * within a segment): " + rule.pattern());
            }
            if (!patterns.add(rule.pattern())) {
                throw new IllegalArgumentException("Two rules for " + rule.pattern());
            }
        }
        this.rules = List.copyOf(rules);
        this.compiled = rules.stream()
                .sorted(Comparator.comparingInt((Rule rule) -> rule.segments().size()).reversed()
                        .thenComparing(Comparator.comparingLong(Rule::literalSegments).reversed()))
                .map(rule -> new CompiledRule(rule, rule.segments()))
                .toList();
    }

    /**
     * Podium's routing table. events-service owns its collections and everything below an event or a
     * group (the event page, RSVPs, agenda, calendars, schedules, memberships, quotas), except the
     * sub-paths talks-service serves there: calls for papers, review boards and the release of
     * decisions, and the group's webhooks, which notifications-service serves. See the README, "One public origin".
     */
    public static RoutingTable podium() {
        List<Rule> rules = new ArrayList<>();
        for (String prefix : List.of("/events", "/groups", "/venues", "/people", "/erasures")) {
            rules.add(new Rule(prefix, Upstream.EVENTS));
        }
        for (String prefix : List.of("/talks", "/speakers", "/submissions", "/invitations")) {
            rules.add(new Rule(prefix, Upstream.TALKS));
        }
        // talks-service under events-service's paths: /events/{eventId}/cfp, /events/{eventId}/submissions,
        // /events/{eventId}/decisions/release, and the same under /groups/{slug}.
        for (String parent : List.of("/events/*", "/groups/*")) {
            for (String child : List.of("/cfp", "/submissions", "/decisions")) {
                rules.add(new Rule(parent + child, Upstream.TALKS));
            }
        }
        for (String prefix : List.of("/notifications", "/unsubscribe", "/webhooks", "/admin/calendar-replies")) {
            rules.add(new Rule(prefix, Upstream.NOTIFICATIONS));
        }
        // A group's webhook endpoints: notifications-service owns webhooks (README "Webhooks").
        rules.add(new Rule("/groups/*/webhooks", Upstream.NOTIFICATIONS));
        // The pages' stylesheet (page-support's AssetsController): every service that has pages serves the
        // same file, so one of them serves it for all (notifications-service is the one that has pages today).
        rules.add(new Rule("/assets", Upstream.NOTIFICATIONS));
        // Each service's OpenAPI spec by its file name, and one Swagger UI (events-service's, which opens its
        // spec; the others' specs can be opened in it by URL).
        for (Upstream upstream : Upstream.values()) {
            rules.add(new Rule("/swagger/podium-" + upstream.serviceName() + "-*", upstream));
        }
        rules.add(new Rule("/swagger-ui", Upstream.EVENTS));
        return new RoutingTable(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The service that owns this raw (percent-encoded) path, if any. */
    public Optional<Upstream> route(String rawPath) throws UnsafePathException {
        List<String> segments = parse(rawPath);
        return compiled.stream().filter(rule -> rule.matches(segments)).findFirst().map(rule -> rule.rule().upstream());
    }

    /** The rule that decides for this path, if any (for tests and the README's table). */
    public Optional<Rule> ruleFor(String rawPath) throws UnsafePathException {
        List<String> segments = parse(rawPath);
        return compiled.stream().filter(rule -> rule.matches(segments)).findFirst().map(CompiledRule::rule);
    }

    /**
     * The decoded segments of a raw path: {@code /events/a%20b/cfp} is {@code [events, a b, cfp]}; a
     * trailing slash adds no segment.
     */
    static List<String> parse(String rawPath) throws UnsafePathException {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw new UnsafePathException("the path must start with /");
        }
        String trimmed = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        List<String> segments = new ArrayList<>();
        if (trimmed.equals("/")) {
            return segments;
        }
        for (String raw : trimmed.substring(1).split("/", -1)) {
            String segment = decode(raw);
            if (segment.equals(".") || segment.equals("..")) {
                throw new UnsafePathException("dot segments (. and ..) are not forwarded");
            }
            if (segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0) {
                throw new UnsafePathException("encoded slashes and backslashes are not forwarded");
            }
            segments.add(segment);
        }
        return segments;
    }

    private static String decode(String raw) throws UnsafePathException {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new UnsafePathException("a % in the path is not followed by two hexadecimal digits");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new UnsafePathException("a % in the path is not followed by two hexadecimal digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                int end = raw.indexOf('%', i);
                byte[] encoded = raw.substring(i, end < 0 ? raw.length() : end).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i = (end < 0 ? raw.length() : end) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new UnsafePathException("the path is not percent-encoded UTF-8");
        }
    }
}

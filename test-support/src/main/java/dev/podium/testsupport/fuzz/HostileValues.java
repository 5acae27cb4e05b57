package dev.podium.testsupport.fuzz;

import java.util.List;
import java.util.Random;

/** What attackers and unlucky users send: injections, traversal, odd Unicode, boundaries. */
public final class HostileValues {

    /** Markup and header injections that an email must show as text, never render or obey. */
    public static final List<String> MARKUP = List.of(
            "<script>alert('podium')</script>",
            "<img src=x onerror=alert(1)>",
            "\"><svg/onload=alert(1)>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "<style>body{display:none}</style>",
            "Ada\r\nBcc: victim@example.org",
            "line\r\nX-Injected: 1");

    public static final List<String> STRINGS = List.of(
            "",
            " ",
            "' OR '1'='1",
            "'; DROP TABLE event; --",
            "\" OR 1=1 -- ",
            "1; SELECT SLEEP(0) #",
            "<script>alert('podium')</script>",
            "<img src=x onerror=alert(1)>",
            "\"><svg/onload=alert(1)>",
            "javascript:alert(1)",
            "../../../../etc/passwd",
            "..\\..\\..\\windows\\win.ini",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/dev/zero",
            "\u0000",
            "nul\u0000byte",
            "\u202Egnp.exe",
            "\uFEFFbom",
            "zero\u200Bwidth",
            "Z\u0351\u0364\u0311\u0313a\u0316\u032D\u0308lg\u0317\u031Ao",
            "🎉🚀👩🏽‍💻",
            "𝕳𝖊𝖑𝖑𝖔",
            "\uD800",
            "\uDFFFlone",
            "Ünïcödé — “quotes” ‘single’ …",
            "日本語のテキスト",
            "مرحبا بالعالم",
            "${jndi:ldap://127.0.0.1/a}",
            "{{7*7}}",
            "[[${7*7}]]",
            "%s%s%s%n",
            "line\r\nX-Injected: 1",
            "tab\tand\nnewline",
            "a".repeat(256),
            "a".repeat(5_000),
            "é".repeat(70_000),
            "-1",
            "0",
            "2147483648",
            "-9223372036854775809",
            "1e309",
            "NaN",
            "null",
            "true",
            "2029-02-30T19:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "+275760-09-13T00:00:00Z",
            "2029-03-07T19:00:00+25:00",
            "Mars/Olympus_Mons",
            "Europe/../../etc/passwd",
            "not@@an@@email",
            "a@b",
            "x".repeat(250) + "@example.org");

    /** Values of the wrong JSON type for whatever the schema expects. */
    static final List<Object> WRONG_TYPES = List.of(
            0, -1, Long.MAX_VALUE, 1.5e308, -0.0, true, false,
            List.of(), List.of("x", 1), java.util.Map.of(), java.util.Map.of("nested", java.util.Map.of("deeper", List.of())));

    /** Whole bodies that are not what any endpoint expects. */
    static final List<String> RAW_BODIES = List.of(
            "",
            "{",
            "}",
            "null",
            "[]",
            "\"a string\"",
            "42",
            "{\"unclosed\": \"",
            "{\"a\":1,\"a\":2}",
            "\uFEFF{}",
            "<xml>not json</xml>",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"x\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}",
            "1e999999999",
            "{\"n\": 1" + "0".repeat(2_000) + "}");

    private HostileValues() {
    }

    static String string(Random random) {
        return STRINGS.get(random.nextInt(STRINGS.size()));
    }

    static Object anything(Random random) {
        return random.nextInt(3) == 0 ? WRONG_TYPES.get(random.nextInt(WRONG_TYPES.size())) : string(random);
    }

    static String rawBody(Random random) {
        return RAW_BODIES.get(random.nextInt(RAW_BODIES.size()));
    }
}

package dev.podium.events.group;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Mail scanners open links: the page only offers a button, and the POST it sends acts. */
final class ConfirmationPage {

    private ConfirmationPage() {
    }

    static String render(String action, String token) {
        String url = action + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Confirm your membership</title></head>
                <body><form method="post" action="%s">
                <p>Confirm that you want to receive this group's announcements.</p>
                <button type="submit">Confirm</button></form></body></html>
                """.formatted(url.replace("&", "&amp;").replace("\"", "&quot;"));
    }
}

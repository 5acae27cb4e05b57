package dev.podium.pages;

import io.micronaut.http.HttpRequest;

/**
 * One URL for people and programs: a page and its JSON share their address, and the request says
 * which it wants. Browsers name {@code text/html} in their {@code Accept} header (navigations and
 * form posts alike); API clients ask for JSON or for anything ({@code *}{@code /*}, curl's default),
 * and keep getting JSON.
 */
public final class PageRequests {

    private PageRequests() {
    }

    public static boolean wantsPage(HttpRequest<?> request) {
        return request.accept().stream().anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
    }
}

package dev.podium.calendar;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A mail address as a calendar user address ({@code mailto:} URI, RFC 5545 CAL-ADDRESS), and back. */
public final class MailtoAddress {

    private static final String SCHEME = "mailto:";

    private MailtoAddress() {
    }

    static URI uri(String address) {
        try {
            // The multi-argument constructor quotes what a URI may not hold (a space, a '%').
            return new URI("mailto", address.strip(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not usable as a calendar address: " + address, e);
        }
    }

    /**
     * The address a CAL-ADDRESS value names, lower-cased, or null when it is no {@code mailto:} URI.
     * Clients write the scheme in any case ("MAILTO:") and may %-escape.
     */
    public static String addressOf(String calAddress) {
        if (calAddress == null) {
            return null;
        }
        String value = calAddress.strip();
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String address = value.substring(SCHEME.length());
        if (address.indexOf('%') >= 0) {
            try {
                address = new URI(SCHEME + address).getSchemeSpecificPart();
            } catch (URISyntaxException e) {
                return null;
            }
        }
        address = address.strip().toLowerCase(Locale.ROOT);
        return address.isEmpty() ? null : address;
    }
}

package dev.podium.notifications.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/** Standard Webhooks secrets: {@code whsec_} and the base64 of 32 random bytes; the HMAC key is the decoded bytes. */
final class WebhookSecret {

    static final String PREFIX = "whsec_";
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    static String generate() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
    }
}

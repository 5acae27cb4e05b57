package dev.podium.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check, written from the Standard Webhooks specification (not from Podium's signer): the
 * secret is {@code whsec_} + base64 key; the signed content is {@code id.timestamp.body}; the header
 * holds space-separated {@code v1,<base64 HMAC-SHA256>} signatures, any one of which may match; the
 * timestamp must be within the tolerance of now.
 */
final class StandardWebhooksVerifier {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooksVerifier() {
    }

    static boolean verifies(String secret, String webhookId, String timestamp, String signatureHeader, String body) {
        try {
            if (Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), Instant.now()).abs().compareTo(TOLERANCE) > 0) {
                return false;
            }
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String versioned : signatureHeader.split(" ")) {
                String[] parts = versioned.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(Base64.getDecoder().decode(parts[1]), expected)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    static boolean verifies(String secret, TestReceiver.Received received) {
        return verifies(secret, received.webhookId(), received.timestamp(), received.signature(), received.body());
    }
}

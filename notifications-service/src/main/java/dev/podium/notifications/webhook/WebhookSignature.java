package dev.podium.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header: {@code v1,} and the base64 HMAC-SHA256 of
 * {@code <webhook-id>.<webhook-timestamp>.<body>} under each secret in force, space-separated (the
 * current secret first, then, during a rotation's grace period, the previous one).
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    static String header(String messageId, long timestamp, String body, List<String> secrets) {
        return secrets.stream().map(secret -> "v1," + sign(messageId, timestamp, body, secret)).collect(Collectors.joining(" "));
    }

    static String sign(String messageId, long timestamp, String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WebhookSecret.key(secret), "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

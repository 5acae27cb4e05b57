package dev.podium.events.links;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links that act without an account (confirm a membership, manage an RSVP) carry an HMAC of what
 * they act on, so they cannot be forged or pointed at someone else's record.
 */
@Singleton
public class SignedLinks {

    private final byte[] secret;
    private final String publicUrl;

    SignedLinks(@Value("${podium.events.link-secret}") String secret, @Value("${podium.events.public-url}") String publicUrl) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String token(String purpose, String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(purpose + ":" + id));
    }

    public boolean verify(String purpose, String id, String token) {
        if (token == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(purpose + ":" + id));
    }

    public String url(String path, String purpose, String id) {
        return publicUrl + path + "?token=" + token(purpose, id);
    }

    private byte[] mac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

package dev.podium.events.links;

import dev.podium.api.HmacSigner;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Links that act without an account (confirm a membership, manage an RSVP) carry an HMAC of what
 * they act on, so they cannot be forged or pointed at someone else's record.
 */
@Singleton
public class SignedLinks {

    private final HmacSigner signer;
    private final String publicUrl;

    SignedLinks(@Value("${podium.events.link-secret}") String secret, @Value("${podium.events.public-url}") String publicUrl) {
        this.signer = new HmacSigner(secret);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String token(String purpose, String id) {
        return signer.sign(purpose + ":" + id);
    }

    public boolean verify(String purpose, String id, String token) {
        return signer.verify(purpose + ":" + id, token);
    }

    public String url(String path, String purpose, String id) {
        return publicUrl + path + "?token=" + token(purpose, id);
    }
}

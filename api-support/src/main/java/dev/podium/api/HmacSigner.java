package dev.podium.api;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures (base64url, unpadded) for links that act without an account: the RSVP and
 * membership links of events-service, co-speaker invitations, unsubscribe tokens. Verification
 * compares in constant time and treats any malformed signature as a mismatch.
 */
public final class HmacSigner {

    private static final String ALGORITHM = "HmacSHA256";

    /**
     * One initialised Mac per thread: looking the algorithm up and keying it costs more than signing a
     * link (a tenth of events-service's CPU per RSVP went there); doFinal leaves it ready for the next.
     */
    private final ThreadLocal<Mac> macs;

    public HmacSigner(String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> keyed(key));
    }

    public String sign(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
    }

    public boolean verify(String payload, String signature) {
        if (payload == null || signature == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(payload));
    }

    private byte[] mac(String payload) {
        return macs.get().doFinal(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac keyed(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

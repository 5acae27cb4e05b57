package dev.podium.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HmacSignerTest {

    private final HmacSigner signer = new HmacSigner("a secret of thirty-two bytes or more");

    @Test
    void signsAsRfc4231Says() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(new HmacSigner("Jefe").sign("what do ya want for nothing?"))
                .isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM");
    }

    @Test
    void verifiesItsOwnSignaturesOnlyForTheirPayload() {
        String signature = signer.sign("registration:42");

        assertThat(signer.verify("registration:42", signature)).isTrue();
        assertThat(signer.verify("registration:43", signature)).isFalse();
        assertThat(new HmacSigner("another secret of thirty-two bytes").verify("registration:42", signature)).isFalse();
        assertThat(signer.verify("registration:42", "not base64url!")).isFalse();
        assertThat(signer.verify("registration:42", null)).isFalse();
    }

    @Test
    void signsTheSameFromEveryThread() throws Exception {
        String expected = signer.sign("member:7");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> signatures = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                String payload = i % 2 == 0 ? "member:7" : "member:" + i;
                signatures.add(threads.submit(() -> signer.sign(payload)));
            }
            for (int i = 0; i < signatures.size(); i += 2) {
                assertThat(signatures.get(i).get()).isEqualTo(expected);
            }
        } finally {
            threads.shutdown();
        }
    }
}

package dev.podium.localstack;

import dev.podium.devissuer.DevIssuerServer;
import java.io.IOException;

/**
 * The development token issuer, in the launcher's JVM: the services trust its keys, and
 * {@code GET /token?sub=…} hands out a token for any identity (admin too). A new key at every start,
 * so tokens do not outlive the stack.
 */
final class TokenIssuer {

    private final StackSettings settings;
    private DevIssuerServer server;

    TokenIssuer(StackSettings settings) {
        this.settings = settings;
    }

    void start() {
        try {
            server = DevIssuerServer.start(StackSettings.HOST, settings.issuerPort(), settings.issuerUrl());
        } catch (IOException e) {
            throw new StackException("The token issuer did not start on port " + settings.issuerPort() + ": " + e.getMessage(), e);
        }
    }

    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}

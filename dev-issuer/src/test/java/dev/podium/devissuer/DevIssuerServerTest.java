package dev.podium.devissuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DevIssuerServerTest {

    private static DevIssuerServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = DevIssuerServer.start("127.0.0.1", 0, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tokensFromTheEndpointVerifyAgainstTheServedKeysAndCarryTheIdentity() throws Exception {
        String token = get("/token?sub=ada&name=Ada%20Lovelace&email=ada@example.org&role=admin").body().strip();

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new RSASSAVerifier(servedKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("ada");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(server.issuer().issuerUrl());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("name")).isEqualTo("Ada Lovelace");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("email")).isEqualTo("ada@example.org");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("admin");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
    }

    @Test
    void aTokenWithoutSubjectIsRefused() throws Exception {
        assertThat(get("/token?name=nobody").statusCode()).isEqualTo(400);
    }

    @Test
    void theHostileTokensAreWhatTheirNamesSay() throws Exception {
        Identity ada = new Identity("ada", "Ada", "ada@example.org", List.of());
        DevIssuer issuer = server.issuer();

        SignedJWT expired = SignedJWT.parse(issuer.expiredToken(ada));
        assertThat(expired.verify(new RSASSAVerifier(servedKey()))).isTrue();
        assertThat(expired.getJWTClaimsSet().getExpirationTime()).isInThePast();

        SignedJWT forged = SignedJWT.parse(issuer.tokenSignedByAnotherKey(ada));
        assertThat(forged.getHeader().getKeyID()).isEqualTo(servedKey().getKeyID());
        assertThat(forged.verify(new RSASSAVerifier(servedKey()))).isFalse();

        assertThat(JWTParser.parse(issuer.unsignedToken(ada))).isInstanceOf(PlainJWT.class);
    }

    @Test
    void discoveryNamesTheKeys() throws Exception {
        assertThat(get("/.well-known/openid-configuration").body())
                .contains("\"jwks_uri\":\"" + server.issuer().issuerUrl() + "/.well-known/jwks.json\"");
    }

    private static RSAKey servedKey() throws Exception {
        return JWKSet.parse(get("/.well-known/jwks.json").body()).getKeys().get(0).toRSAKey();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

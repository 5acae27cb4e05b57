package dev.podium.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void readsTheIdentityFromTheTokensClaims() {
        Caller caller = Caller.of(Authentication.build("sub-1", List.of("admin"),
                Map.of("email", "Ada@Example.org", "name", "Ada", "email_verified", true))).orElseThrow();

        assertThat(caller.sub()).isEqualTo("sub-1");
        assertThat(caller.email()).isEqualTo("ada@example.org");
        assertThat(caller.name()).isEqualTo("Ada");
        assertThat(caller.emailVerified()).isTrue();
        assertThat(caller.admin()).isTrue();
    }

    @Test
    void aRecordWithASubMatchesThatSubOnly() {
        Caller caller = new Caller("sub-1", "ada@example.org", "Ada", true, false);

        assertThat(caller.is("sub-1", "someone@else.org")).isTrue();
        assertThat(caller.is("sub-2", "ada@example.org")).isFalse();
    }

    @Test
    void aRecordWithoutSubMatchesAVerifiedEmailOnly() {
        assertThat(new Caller("sub-1", "ada@example.org", "Ada", true, false).is(null, "ADA@example.org")).isTrue();
        assertThat(new Caller("sub-1", "ada@example.org", "Ada", false, false).is(null, "ada@example.org")).isFalse();
        assertThat(new Caller("sub-1", null, "Ada", true, false).is(null, "ada@example.org")).isFalse();
    }

    @Test
    void anonymousCallersAreRefusedWith401AndOthersWith403() {
        assertThat(Caller.of(null)).isEmpty();
        assertThatThrownBy(() -> Caller.required(null)).isInstanceOfSatisfying(AuthorizationException.class,
                e -> assertThat(e.isForbidden()).isFalse());
        assertThat(Caller.denied(Authentication.build("sub-1")).isForbidden()).isTrue();
    }
}

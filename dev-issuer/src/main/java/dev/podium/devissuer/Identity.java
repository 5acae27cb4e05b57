package dev.podium.devissuer;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Who a development token speaks for: the JWT {@code sub}, the person's name and email, and their
 * platform roles (only {@code admin} means something to Podium; organisers and speakers are
 * recognised from each service's own data).
 */
public record Identity(String sub, String name, String email, List<String> roles) {

    public Identity {
        Objects.requireNonNull(sub, "sub");
        if (sub.isBlank()) {
            throw new IllegalArgumentException("sub must not be blank");
        }
        name = name == null || name.isBlank() ? sub : name;
        email = email == null || email.isBlank() ? sub.toLowerCase(Locale.ROOT) + "@example.org" : email;
        roles = List.copyOf(roles == null ? List.of() : roles);
    }

    public static Identity of(String sub) {
        return new Identity(sub, null, null, List.of());
    }

    public static Identity admin(String sub) {
        return new Identity(sub, null, null, List.of("admin"));
    }
}

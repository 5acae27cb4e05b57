package dev.podium.security.startup;

/**
 * A setting a service must be given outside development: its configuration property and the
 * environment variable operators set it with (named in every refusal).
 */
public record RequiredSetting(String property, String variable) {

    @Override
    public String toString() {
        return variable + " (" + property + ")";
    }
}

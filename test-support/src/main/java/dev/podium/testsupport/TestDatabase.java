package dev.podium.testsupport;

/** A database created for one test class on the shared MySQL-compatible server. */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {
}

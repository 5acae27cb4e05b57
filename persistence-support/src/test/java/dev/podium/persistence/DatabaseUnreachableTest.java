package dev.podium.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnreachableTest {

    @Test
    void recognisesAPoolThatTimedOutAndADriverThatLostTheLink() {
        SQLException refused = new SQLException("Communications link failure", "08S01");
        // HikariCP's answer when no connection came within connection-timeout, the driver's failure as cause.
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2500ms", "08S01", refused);

        assertThat(DatabaseUnreachable.is(poolTimeout)).isTrue();
        assertThat(DatabaseUnreachable.is(new SQLTransientConnectionException("timed out", (String) null))).isTrue();
        assertThat(DatabaseUnreachable.is(refused)).isTrue();
        assertThat(DatabaseUnreachable.is(new SQLNonTransientConnectionException("No operations allowed after connection closed", "08003")))
                .isTrue();
        assertThat(DatabaseUnreachable.is(new SQLException("Connection is closed", "08003"))).isTrue();
        // HikariCP's handle to a connection the pool closed after the link failed (no SQLState).
        assertThat(DatabaseUnreachable.is(new RuntimeException("Could not set JDBC Connection read-only: Connection is closed",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void looksThroughTheDataLayersWrapping() {
        RuntimeException wrapped = new RuntimeException("Error executing SQL UPDATE",
                new IllegalStateException("transaction", new SQLException("Communications link failure", "08S01")));

        assertThat(DatabaseUnreachable.is(wrapped)).isTrue();
    }

    @Test
    void leavesEveryOtherFailureAlone() {
        assertThat(DatabaseUnreachable.is(new RuntimeException("insert failed",
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)))).isFalse();
        assertThat(DatabaseUnreachable.is(new SQLSyntaxErrorException("You have an error in your SQL syntax", "42000", 1064)))
                .isFalse();
        assertThat(DatabaseUnreachable.is(new SQLTimeoutException("Lock wait timeout exceeded", "40001", 1205))).isFalse();
        assertThat(DatabaseUnreachable.is(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnreachable.is(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseUnreachable.is(null)).isFalse();
    }
}

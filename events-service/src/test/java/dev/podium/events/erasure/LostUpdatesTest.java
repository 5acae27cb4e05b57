package dev.podium.events.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.events.CancelledBy;
import dev.podium.devissuer.Identity;
import dev.podium.events.EventsApi;
import dev.podium.events.event.EventView;
import dev.podium.events.group.GroupService;
import dev.podium.events.group.GroupView;
import dev.podium.events.group.MemberView;
import dev.podium.events.links.SignedLinks;
import dev.podium.events.registration.RegistrationService;
import dev.podium.events.registration.RegistrationStatus;
import dev.podium.events.registration.RegistrationView;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.Tokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two writers of one row, interleaved by the database's own locks, never by sleeps: one transaction
 * (the service's own code, run in this JVM) changes the row and stays open; the other request arrives
 * through HTTP and is seen waiting for a lock in {@code information_schema.INNODB_TRX}; then the first
 * commits. A writer that read before it locked would act on what it read, now stale.
 */
@MicronautTest(transactional = false)
class LostUpdatesTest implements RealServers {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessageCodec codec;
    @Inject
    GroupService groups;
    @Inject
    RegistrationService registrations;
    @Inject
    SignedLinks links;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    ApplicationContext context;

    private final Identity admin = Identity.admin(EventsApi.unique("admin"));
    EventsApi api;

    @BeforeAll
    void api() {
        api = new EventsApi(client.toBlocking(), codec);
    }

    @Test
    void aConfirmationWaitingOnARemovalDoesNotBringTheErasedMemberBack() throws Exception {
        GroupView group = api.createGroup(EventsApi.unique("lost"), "Europe/Paris");
        MemberView member = client.toBlocking().retrieve(HttpRequest.POST("/groups/" + group.slug() + "/members",
                Map.of("name", "Yann", "email", "yann-" + group.id() + "@example.org")), MemberView.class);
        String confirmation = "/groups/" + group.slug() + "/members/" + member.id() + "/confirmation?token="
                + links.token(SignedLinks.CONFIRM_MEMBERSHIP, member.id());

        CompletableFuture<HttpResponse<?>> confirm = whileOpen(
                () -> groups.removeMember(groups.require(group.slug()), member.id()),
                () -> client.toBlocking().exchange(HttpRequest.POST(confirmation, "")));

        assertThat(status(confirm)).as("the confirmation finds the membership ended").isEqualTo(409);
        Map<String, Object> row = row("SELECT status, name, email FROM member WHERE id = ?", member.id());
        assertThat(row).as("the removed member stays removed and erased")
                .containsEntry("status", "LEFT").containsEntry("name", null).containsEntry("email", null);
        assertThat(client.toBlocking().retrieve("/groups/" + group.slug(), GroupView.class).activeMembers()).isZero();
    }

    @Test
    void anErasureWaitingOnAPromotionFreesThePromotedSeat() throws Exception {
        String group = api.createGroup(EventsApi.unique("erase"), "Europe/Paris").slug();
        EventView event = api.publish(api.draft(group, Map.of("title", "One seat", "startsAt", "2029-03-07T19:00:00",
                "endsAt", "2029-03-07T22:00:00", "capacity", 1)).id());
        String erased = "zoe-" + event.id() + "@example.org";
        RegistrationView first = api.rsvp(event.id(), "Ada", "ada-" + event.id() + "@example.org").body();
        RegistrationView zoe = api.rsvp(event.id(), "Zoé", erased).body();
        RegistrationView third = api.rsvp(event.id(), "Grace", "grace-" + event.id() + "@example.org").body();
        assertThat(zoe.status()).isEqualTo(RegistrationStatus.WAITLISTED);

        // Ada cancels, which promotes Zoé, while Zoé's erasure is on its way.
        CompletableFuture<HttpResponse<?>> erasure = whileOpen(
                () -> registrations.cancel(event.id(), first.id(), CancelledBy.ORGANISER),
                () -> client.toBlocking().exchange(Tokens.as(admin, HttpRequest.POST("/erasures", Map.of("email", erased)))));

        assertThat(status(erasure)).isBetween(200, 299);
        assertThat(row("SELECT status FROM registration WHERE id = ?", third.id()))
                .as("the seat Zoé held when she was erased went to the next on the waitlist")
                .containsEntry("status", "CONFIRMED");
        assertThat(row("SELECT status, name, email FROM registration WHERE id = ?", zoe.id()))
                .containsEntry("status", "CANCELLED").containsEntry("name", null).containsEntry("email", null);
    }

    /**
     * Runs {@code change} in a transaction, sends {@code request} while that transaction is open, waits until
     * the request waits for one of its locks, then commits; returns the request's answer.
     */
    private CompletableFuture<HttpResponse<?>> whileOpen(Runnable change, java.util.function.Supplier<HttpResponse<?>> request)
            throws Exception {
        CompletableFuture<HttpResponse<?>> answer = new CompletableFuture<>();
        transactions.executeWrite(status -> {
            change.run();
            long waitingBefore = lockWaits();
            CompletableFuture.supplyAsync(request).whenComplete((response, failure) -> {
                if (failure != null) {
                    answer.completeExceptionally(failure);
                } else {
                    answer.complete(response);
                }
            });
            await().alias("the request waits for a row this transaction holds").atMost(Duration.ofSeconds(30))
                    .until(() -> lockWaits() > waitingBefore || answer.isDone());
            return null;
        });
        return answer;
    }

    private static int status(CompletableFuture<HttpResponse<?>> answer) throws Exception {
        try {
            return answer.get(30, TimeUnit.SECONDS).code();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c ? c.getCause() : e.getCause();
            if (cause instanceof HttpClientResponseException problem) {
                return problem.getStatus().getCode();
            }
            throw e;
        }
    }

    /** Transactions of this database that wait for a lock (a connection of its own, outside the open transaction). */
    private long lockWaits() throws SQLException {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT COUNT(*) FROM information_schema.INNODB_TRX t
                     JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
                     WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()""");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A connection of the test's own, outside the application's pool and transactions. */
    private Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(context.getRequiredProperty("datasources.default.url", String.class),
                context.getRequiredProperty("datasources.default.username", String.class),
                context.getRequiredProperty("datasources.default.password", String.class));
    }

    private Map<String, Object> row(String sql, String id) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                Map<String, Object> row = new java.util.HashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
                }
                return row;
            }
        }
    }
}

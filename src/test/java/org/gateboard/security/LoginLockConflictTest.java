package org.gateboard.security;

import org.gateboard.testsupport.HttpTest;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wrong password while another transaction holds the account's row (a real lock in MariaDB, held from a
 * second connection): the caller gets 401, never a 5xx, and the failure is still counted once the row is free.
 */
class LoginLockConflictTest extends HttpTest {

    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Disabled("the test does not yet see the retry's second lock wait in INNODB_TRX (the log shows the retries); "
            + "enable once that signal is found")
    void aWrongPasswordRacingALockedRowIsCountedAfterTheLockIsGoneAndAnsweredWith401() throws Exception {
        String name = createUser("lock-race");
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeQuery("SELECT id FROM app_user WHERE username = '" + name + "' FOR UPDATE");
            }
            CompletableFuture<HttpResponse<String>> answer = wrongPassword(name);
            // the first attempt waits, gives up, and a new transaction waits again: then let it through
            String first = awaitLockWaitOtherThan(answer, null);
            awaitLockWaitOtherThan(answer, first);
            holder.commit();

            assertThat(answer.get().statusCode()).isEqualTo(401);
        }
        assertThat(failedLogins(name)).isEqualTo(1);
    }

    @Test
    void aLockHeldThroughEveryAttemptStillGives401() throws Exception {
        String name = createUser("lock-held");
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeQuery("SELECT id FROM app_user WHERE username = '" + name + "' FOR UPDATE");
            }
            HttpResponse<String> answer = wrongPassword(name).get();
            holder.rollback();

            assertThat(answer.statusCode()).isEqualTo(401);
        }
    }

    private String createUser(String prefix) {
        String name = prefix + "-" + System.nanoTime();
        users.insert(name, "Lock test", encoder.encode("right-password"), Role.OFFICIAL, "en", Instant.now());
        return name;
    }

    private int failedLogins(String name) {
        return jdbc.queryForObject("SELECT failed_logins FROM app_user WHERE username = ?", Integer.class, name);
    }

    private CompletableFuture<HttpResponse<String>> wrongPassword(String name) {
        String basic = Base64.getEncoder().encodeToString((name + ":wrong-password").getBytes(StandardCharsets.UTF_8));
        return http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/stats/venues"))
                .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Which wait for a lock is going on, once one other than {@code seen} is. */
    private String awaitLockWaitOtherThan(CompletableFuture<HttpResponse<String>> answer, String seen)
            throws Exception {
        Instant until = Instant.now().plusSeconds(90);
        while (true) {
            for (String id : jdbc.queryForList(
                    // a retry may reuse the transaction id; its wait starts at least the lock wait later
                    "SELECT CONCAT(trx_mysql_thread_id, '@', trx_wait_started) FROM information_schema.INNODB_TRX"
                            + " WHERE trx_state = 'LOCK WAIT'", String.class)) {
                if (!id.equals(seen)) {
                    return id;
                }
            }
            if (answer.isDone()) {
                assertThat(answer.get().statusCode()).as("answer before the lock was free").isEqualTo(401);
            }
            assertThat(Instant.now()).isBefore(until);
            Thread.sleep(20);
        }
    }
}

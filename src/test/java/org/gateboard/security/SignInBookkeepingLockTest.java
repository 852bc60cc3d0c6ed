package org.gateboard.security;

import com.zaxxer.hikari.HikariDataSource;
import org.gateboard.base.Role;
import org.gateboard.testsupport.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gateboard.security.TestAccounts.PASSWORD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in bookkeeping meets a lock conflict: another transaction holds every row and gap of
 * {@code login_failure}, so counting a failure waits and then fails on the lock. The person still gets
 * the answer their credentials deserve (401 for a wrong password, 200 for the right one), never a 5xx.
 */
class SignInBookkeepingLockTest extends DatabaseTest {

    private static final String STATS = "/api/v1/stats/venues";

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserService users;
    @Autowired
    DataSource dataSource;

    private MockMvc mvc;
    private JdbcTemplate jdbc;
    private long lockWaitBefore;

    @BeforeEach
    void shortLockWaits() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        jdbc = new JdbcTemplate(dataSource);
        lockWaitBefore = jdbc.queryForObject("SELECT @@GLOBAL.innodb_lock_wait_timeout", Long.class);
        // New connections take the global value: retire the pool's so the app waits one second, not fifty.
        jdbc.execute("SET GLOBAL innodb_lock_wait_timeout = 1");
        ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
    }

    @AfterEach
    void usualLockWaits() {
        jdbc.execute("SET GLOBAL innodb_lock_wait_timeout = " + lockWaitBefore);
        ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
    }

    @Test
    void aFailureThatCannotBeCountedForALockStillAnswers401AndTheRightPasswordStillSignsIn() throws Exception {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        try (Connection holder = dataSource.getConnection(); Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.executeQuery("SELECT * FROM login_failure FOR UPDATE").close();

            mvc.perform(get(STATS).with(httpBasic(name, "not-the-password"))).andExpect(status().isUnauthorized());
            mvc.perform(get(STATS).with(httpBasic(name, PASSWORD))).andExpect(status().isOk());

            holder.rollback();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE username = ?", Integer.class, name))
                .as("the failure met the lock and was not counted: the lock was really in its way").isZero();
    }
}

package org.gateboard.base.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.gateboard.testsupport.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest extends DatabaseTest {

    @Autowired
    Flyway flyway;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyMigrationIsAppliedAndNoneIsPending() {
        MigrationInfo[] all = flyway.info().all();
        assertThat(all).isNotEmpty();
        assertThat(Arrays.stream(all).map(MigrationInfo::getState))
                .allMatch(s -> s == MigrationState.SUCCESS, "every migration succeeded");
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void everyTableIsInnoDbInUtf8mb4SoChineseTextAndTransactionsWork() {
        List<Map<String, Object>> tables = jdbc.queryForList("SELECT table_name, engine, table_collation"
                + " FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name <> 'flyway_schema_history'");
        assertThat(tables).isNotEmpty();
        assertThat(tables).allSatisfy(t -> {
            assertThat(t.get("engine")).as(t.get("table_name") + " engine").isEqualTo("InnoDB");
            assertThat((String) t.get("table_collation")).as(t.get("table_name") + " collation").startsWith("utf8mb4");
        });
    }

    @Test
    void chineseTextRoundTripsThroughTheDatabase() {
        String name = jdbc.queryForObject("SELECT name_zh FROM venue WHERE code = 'LH'", String.class);
        assertThat(name).isEqualTo("上海市建设工程交易中心绿化和市容（林业）工程交易分中心");
    }
}

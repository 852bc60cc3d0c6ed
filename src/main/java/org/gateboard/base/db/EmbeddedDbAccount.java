package org.gateboard.base.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The app's own account on the embedded database: made once with a random password, which is kept in the
 * data directory, readable by its owner only. Root keeps only its 'localhost' account (Unix socket), so over
 * TCP no one gets in without this password.
 */
record EmbeddedDbAccount(Path file, String password) {

    static final String USER = "gateboard";
    static final String FILE_NAME = "gateboard-app-user.password";

    static EmbeddedDbAccount in(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        return new EmbeddedDbAccount(file, Files.isRegularFile(file)
                ? Files.readString(file, StandardCharsets.UTF_8).strip() : null);
    }

    String user() {
        return USER;
    }

    boolean exists() {
        return password != null && !password.isEmpty();
    }

    /**
     * Makes the account on a server that runs without privilege checks (reachable from this machine only),
     * drops every other account that could answer over TCP, and writes the password file last: a start that
     * stops half-way makes the account again next time.
     */
    EmbeddedDbAccount create(String serverUrl) throws SQLException, IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String newPassword = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try (Connection c = DriverManager.getConnection(serverUrl, "root", "");
             Statement s = c.createStatement()) {
            // loads the grant tables, so that account statements work although the server skipped them
            s.execute("FLUSH PRIVILEGES");
            List<String> others = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT User, Host FROM mysql.user WHERE is_role = 'N' "
                    + "AND (User = '' OR (Host <> 'localhost' AND User <> '" + USER + "'))")) {
                while (rs.next()) {
                    others.add("'" + rs.getString(1) + "'@'" + rs.getString(2) + "'");
                }
            }
            for (String account : others) {
                s.execute("DROP USER " + account);
            }
            s.execute("CREATE OR REPLACE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + newPassword + "'");
            s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'127.0.0.1' WITH GRANT OPTION");
        }
        Path written = file.resolveSibling(FILE_NAME + ".new");
        Files.deleteIfExists(written);
        Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, newPassword, StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new EmbeddedDbAccount(file, newPassword);
    }
}

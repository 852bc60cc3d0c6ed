package org.gateboard.simulator;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Holds the database to the campaign's ledger. Per device, the stored ids are compared with the ids made
 * and the ids acknowledged, and rows are counted beside distinct ids: the unique key on {@code verdict.id}
 * should make a doubled row impossible, so the count is there to show it, not to assume it. The live
 * counters (the stats API) are compared with the database too: a verdict counted twice there is as wrong
 * on a dashboard as a doubled row.
 */
final class CampaignCheck {

    /** The final figures. */
    record Final(long generated, long acknowledged, long stored, long lost, long acknowledgedLost, long doubledRows,
                 long unknownRows, long liveCounted) {

        boolean passed() {
            return lost == 0 && acknowledgedLost == 0 && doubledRows == 0 && unknownRows == 0 && liveCounted == stored;
        }

        String report() {
            return String.format("generated %d, acknowledged %d, stored %d, lost %d (of them acknowledged %d),"
                            + " doubled %d (rows %d, live counters %+d), stored but never made %d%n"
                            + "live counters (stats API) %d against %d rows in the database -> %s",
                    generated, acknowledged, stored, lost, acknowledgedLost, doubledRows + Math.max(0, liveCounted - stored),
                    doubledRows, liveCounted - stored, unknownRows, liveCounted, stored, passed() ? "PASSED" : "FAILED");
        }
    }

    /** The live total for the campaign's venue; may fail while the app is away. */
    interface LiveTotal {
        long get() throws Exception;
    }

    private final String url;
    private final String user;
    private final String password;
    private final CampaignLedger ledger;
    private final long venueId;

    CampaignCheck(String url, String user, String password, CampaignLedger ledger, long venueId) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.ledger = ledger;
        this.venueId = venueId;
    }

    /** Every verdict acknowledged so far is stored, once. */
    String roundCheck(int round) throws Exception {
        Map<String, Set<UUID>> acknowledged = ledger.acknowledgedSoFar();
        try (Connection c = connect()) {
            long acked = 0;
            long lost = 0;
            long stored = 0;
            for (String device : ledger.tokens.keySet()) {
                Set<UUID> ids = storedIds(c, device);
                stored += ids.size();
                Set<UUID> mine = acknowledged.getOrDefault(device, Set.of());
                acked += mine.size();
                lost += mine.stream().filter(id -> !ids.contains(id)).count();
            }
            long doubled = doubledRows(c);
            return String.format("round %d: acknowledged %d, stored %d, acknowledged but not stored %d, doubled rows %d"
                    + " -> %s", round, acked, stored, lost, doubled, lost == 0 && doubled == 0 ? "ok" : "FAILED");
        }
    }

    Final finalCheck(LiveTotal live) throws Exception {
        Map<String, Set<UUID>> generated = ledger.generatedSoFar();
        Map<String, Set<UUID>> acknowledged = ledger.acknowledgedSoFar();
        long made = 0;
        long acked = 0;
        long stored = 0;
        long lost = 0;
        long ackedLost = 0;
        long unknown = 0;
        long doubled;
        try (Connection c = connect()) {
            for (String device : ledger.tokens.keySet()) {
                Set<UUID> ids = storedIds(c, device);
                Set<UUID> mine = generated.getOrDefault(device, Set.of());
                Set<UUID> named = acknowledged.getOrDefault(device, Set.of());
                made += mine.size();
                acked += named.size();
                stored += ids.size();
                lost += mine.stream().filter(id -> !ids.contains(id)).count();
                ackedLost += named.stream().filter(id -> !ids.contains(id)).count();
                unknown += ids.stream().filter(id -> !mine.contains(id)).count();
            }
            doubled = doubledRows(c);
            stored += doubled;
        }
        // the counters are fed after the commit, off the request thread: wait for them to agree, up to 30 s
        long counted = -1;
        Instant until = Instant.now().plusSeconds(30);
        do {
            try {
                counted = live.get();
            } catch (Exception e) {
                System.out.println("Stats API not answering yet: " + e.getMessage());
            }
            if (counted != stored) {
                Thread.sleep(1000);
            }
        } while (counted != stored && Instant.now().isBefore(until));
        return new Final(made, acked, stored, lost, ackedLost, doubled, unknown, counted);
    }

    private Set<UUID> storedIds(Connection c, String device) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM verdict WHERE device_id = ?")) {
            ps.setLong(1, Long.parseLong(device));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ByteBuffer b = ByteBuffer.wrap(rs.getBytes(1));
                    ids.add(new UUID(b.getLong(), b.getLong()));
                }
            }
        }
        return ids;
    }

    /** Rows beyond one per id, over the campaign's venue. */
    private long doubledRows(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) - COUNT(DISTINCT id) FROM verdict WHERE venue_id = ?")) {
            ps.setLong(1, venueId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The database may be restarting: try for a minute. */
    private Connection connect() throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            try {
                return DriverManager.getConnection(url, user, password);
            } catch (SQLException e) {
                if (Instant.now().isAfter(until)) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }
}

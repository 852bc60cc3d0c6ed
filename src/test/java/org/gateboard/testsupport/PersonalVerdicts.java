package org.gateboard.testsupport;

import org.gateboard.verdict.Channel;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalQueries;
import org.gateboard.verdict.RefusalReason;
import org.gateboard.verdict.internal.ResidentIds;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Verdicts with the personal fields the ingestion path stores (name, masked ID number, keyed hash), for the
 * refusal review's tests. Rows only; no events.
 */
public class PersonalVerdicts {

    private static final AtomicLong PEOPLE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final JdbcTemplate jdbc;
    private final RefusalQueries queries;

    public PersonalVerdicts(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.queries = context.getBean(RefusalQueries.class);
    }

    /** A valid ID number no other test uses. */
    public static String newIdNumber() {
        long c = PEOPLE.incrementAndGet();
        // 17 digits: region 6, birth date 8, sequence 3
        String first17 = String.format("3101011980%02d%02d%03d", 1 + (c / 28) % 12, 1 + c % 28, (c / 336) % 1000);
        return first17 + ResidentIds.checkCharacter(first17);
    }

    public record Person(String name, String idNumber) {
    }

    public static Person newPerson(String name) {
        return new Person(name, newIdNumber());
    }

    public UUID insert(VerdictFixture.TestVenue venue, int gate, Instant at, Outcome outcome, Person person,
                       Set<RefusalReason> reasons, PersonRole role, Channel channel, boolean nonConforming) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO verdict (id, venue_id, gate_id, device_id, scanned_at, received_at, outcome, reasons,"
                        + " code_color, channel, photo_on_code, id_checked, mask_worn, temperature_c, person_role,"
                        + " person_name, id_number_masked, id_number_hash, check_ms, policy_version, non_conforming,"
                        + " non_conformance) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                bytes(id), venue.id(), venue.gate(gate).id(), venue.device(gate).id(), Timestamp.from(at),
                Timestamp.from(at), outcome.name(),
                reasons.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                reasons.contains(RefusalReason.CODE_RED) ? "RED" : "GREEN", channel.name(), true, false,
                !reasons.contains(RefusalReason.NO_MASK),
                new BigDecimal(reasons.contains(RefusalReason.FEVER) ? "37.9" : "36.4"), role.name(),
                person == null ? null : person.name(),
                person == null ? null : ResidentIds.mask(person.idNumber()),
                person == null ? null : queries.idNumberHash(person.idNumber()).orElseThrow(), 2100, 1,
                nonConforming, nonConforming ? "ADMITTED_FEVER" : null);
        return id;
    }

    public UUID refused(VerdictFixture.TestVenue venue, Instant at, Person person, RefusalReason... reasons) {
        return insert(venue, 0, at, Outcome.REFUSED, person, Set.of(reasons), PersonRole.BIDDER, Channel.APP, false);
    }

    public UUID admitted(VerdictFixture.TestVenue venue, Instant at, Person person) {
        return insert(venue, 0, at, Outcome.ADMITTED, person, Set.of(), PersonRole.BIDDER, Channel.APP, false);
    }

    public List<String> personalFields(UUID verdictId) {
        return jdbc.queryForObject("SELECT person_name, id_number_masked, HEX(id_number_hash) FROM verdict WHERE id = ?",
                (rs, i) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)),
                (Object) bytes(verdictId));
    }

    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}

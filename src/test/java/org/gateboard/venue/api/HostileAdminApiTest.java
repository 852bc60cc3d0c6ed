package org.gateboard.venue.api;

import org.gateboard.testsupport.HostileInput;
import org.gateboard.testsupport.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input campaign on the admin API: mutated venue, gate and device bodies and mutated ids and
 * filters in paths and query strings. Never a 5xx, each answer within a second, and the registry never
 * holds a row its own rules refuse. Every request pays an HTTP Basic (BCrypt) check, so the run is short.
 */
class HostileAdminApiTest extends HttpTest {

    private static final List<String> VENUE = List.of("code", "nameZh", "nameEn", "level", "district", "address",
            "unknownField");
    private static final List<String> GATE = List.of("code", "nameZh", "nameEn", "unknownField");
    private static final List<String> DEVICE = List.of("label", "unknownField");
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:admin123".getBytes(StandardCharsets.UTF_8));

    private final HostileInput hostile = new HostileInput(20200225);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void mutatedRegistryRequestsNeverFailTheServerNorStoreAnInvalidRow() {
        // a venue and gate of the campaign's own, so the devices it registers disturb no demo venue's figures
        long venueId = id(post("/api/v1/admin/venues", HostileInput.rawJson(venue()), false));
        long gateId = id(post("/api/v1/admin/venues/" + venueId + "/gates", HostileInput.rawJson(gate()), false));
        int created = 0;
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> r = switch (i % 4) {
                case 0 -> post("/api/v1/admin/venues", mutated(venue(), VENUE), true);
                case 1 -> post("/api/v1/admin/venues/" + venueId + "/gates", mutated(gate(), GATE), true);
                case 2 -> post("/api/v1/admin/gates/" + gateId + "/devices", mutated(Map.of("label", "scanner"),
                        DEVICE), true);
                default -> get(hostilePath(venueId, gateId));
            };
            created += r.statusCode() == 201 ? 1 : 0;
        }
        assertThat(created).as("some mutations stay valid").isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM venue WHERE code NOT REGEXP '^[A-Za-z0-9_-]{2,32}$'"
                + " OR TRIM(name_zh) = '' OR TRIM(name_en) = '' OR CHAR_LENGTH(name_zh) > 128"
                + " OR CHAR_LENGTH(name_en) > 128 OR level NOT IN ('CITY', 'DISTRICT', 'COMMITTEE', 'SUBCENTRE')"
                + " OR CHAR_LENGTH(district) > 64 OR district = '' OR address = ''", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gate WHERE code NOT REGEXP '^[A-Za-z0-9_-]{1,32}$'"
                + " OR TRIM(name_zh) = '' OR TRIM(name_en) = ''", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device WHERE TRIM(label) = ''"
                + " OR CHAR_LENGTH(label) > 64", Integer.class)).isZero();
        hostile.report("admin API", HostileInput.BASIC_AUTH_BOUND);
    }

    private String hostilePath(long venueId, long gateId) {
        String id = URLEncoder.encode(hostile.anyText(), StandardCharsets.UTF_8).replace("+", "%20");
        return switch (hostile.random.nextInt(5)) {
            case 0 -> "/api/v1/admin/venues/" + id;
            case 1 -> "/api/v1/admin/venues/" + id + "/gates";
            case 2 -> "/api/v1/admin/gates/" + id + "/devices";
            case 3 -> "/api/v1/admin/venues?level=" + id;
            default -> "/api/v1/admin/venues?district=" + id + "&level=CITY";
        };
    }

    private String mutated(Map<String, Object> valid, List<String> fields) {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        List<Map<String, Object>> siblings = new ArrayList<>(List.of(valid, body));
        for (int m = 0; m < 1 + hostile.random.nextInt(3); m++) {
            hostile.mutate(body, fields, siblings);
        }
        return HostileInput.rawJson(body);
    }

    private static Map<String, Object> venue() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("code", "HV" + UUID.randomUUID().toString().substring(0, 8));
        v.put("nameZh", "恶意输入测试");
        v.put("nameEn", "Hostile input test");
        v.put("level", "DISTRICT");
        v.put("district", "徐汇区");
        v.put("address", "漕溪北路");
        return v;
    }

    private static Map<String, Object> gate() {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("code", "H" + UUID.randomUUID().toString().substring(0, 6));
        g.put("nameZh", "东门");
        g.put("nameEn", "East");
        return g;
    }

    private static long id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.body().replaceAll("(?s)^\\{\"id\":(\\d+),.*$", "$1"));
    }

    private HttpResponse<String> post(String path, String body, boolean garble) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (garble && hostile.random.nextInt(10) == 0) {
            hostile.mutateBytes(bytes);
        }
        return hostile.send(HttpRequest.newBuilder(url(path)).header("Authorization", ADMIN)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private HttpResponse<String> get(String path) {
        return hostile.send(HttpRequest.newBuilder(url(path)).header("Authorization", ADMIN)
                .header("Accept", "application/json").GET());
    }
}

package org.gateboard.verdict.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gateboard.testsupport.HttpTest;
import org.gateboard.venue.DeviceStatus;
import org.gateboard.venue.Gate;
import org.gateboard.venue.GateDraft;
import org.gateboard.venue.IssuedToken;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.gateboard.verdict.internal.ResidentIds;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Real HTTP calls to the device API, devices of our own, and verdicts that pass validation. */
abstract class DeviceApiTestSupport extends HttpTest {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger GATES = new AtomicInteger();

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    protected VenueService venues;
    @Autowired
    protected JdbcTemplate jdbc;

    /** A device of its own at a new gate of the given demo venue, so tests never share counts. */
    record TestDevice(long venueId, long gateId, long deviceId, String token) {
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    protected TestDevice newDevice(String venueCode) {
        return asAdmin(() -> {
            Venue venue = venues.venues().stream().filter(v -> v.code().equals(venueCode)).findFirst().orElseThrow();
            Gate gate = venues.createGate(venue.id(), new GateDraft("T" + System.nanoTime() % 1_000_000_000
                    + "-" + GATES.incrementAndGet(), "测试门", "Test gate"));
            IssuedToken issued = venues.registerDevice(gate.id(), "test device");
            return new TestDevice(venue.id(), gate.id(), issued.deviceId(), issued.token());
        });
    }

    protected TestDevice newDevice() {
        return newDevice("SH-CITY");
    }

    protected void setStatus(TestDevice device, DeviceStatus status) {
        asAdmin(() -> venues.setDeviceStatus(device.deviceId(), status));
    }

    protected static <T> T asAdmin(Supplier<T> work) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    // ---- HTTP -------------------------------------------------------------------------------------

    protected HttpResponse<String> post(String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    protected HttpResponse<String> postJson(String path, String token, Object body) {
        return post(path, token, "application/json", json(body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> pushVerdicts(TestDevice device, List<?> verdicts) {
        return postJson("/api/v1/verdicts", device.token(), Map.of("verdicts", verdicts));
    }

    protected HttpResponse<String> get(String path, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A body of unknown length, so it goes chunked and the server cannot know its size in advance. */
    protected static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    // ---- verdicts ---------------------------------------------------------------------------------

    /** An admitted, conforming verdict under the baseline (version 1), scanned a minute ago. */
    static Map<String, Object> green() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", UUID.randomUUID().toString());
        v.put("scannedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).toString());
        v.put("outcome", "ADMITTED");
        v.put("reasons", List.of());
        v.put("codeColor", "GREEN");
        v.put("channel", "WECHAT");
        v.put("photoOnCode", true);
        v.put("idChecked", false);
        v.put("maskWorn", true);
        v.put("temperatureC", 36.5);
        v.put("personRole", "BIDDER");
        v.put("personName", "张三");
        v.put("checkSeconds", 4.2);
        v.put("policyVersion", 1);
        return v;
    }

    static Map<String, Object> refused(String colour, String... reasons) {
        Map<String, Object> v = green();
        v.put("outcome", "REFUSED");
        v.put("codeColor", colour);
        v.put("reasons", List.of(reasons));
        return v;
    }

    static List<Map<String, Object>> greens(int n) {
        List<Map<String, Object>> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(green());
        }
        return list;
    }

    static String validIdNumber() {
        StringBuilder s = new StringBuilder("310104");
        s.append(1960 + ThreadLocalRandom.current().nextInt(40)).append("0615");
        s.append(String.format("%03d", ThreadLocalRandom.current().nextInt(1000)));
        return s.toString() + ResidentIds.checkCharacter(s.toString());
    }

    protected int storedCount(String id) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM verdict WHERE id = ?", Integer.class, idBytes(id));
        return n == null ? 0 : n;
    }

    protected int storedForDevice(TestDevice device) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM verdict WHERE device_id = ?", Integer.class,
                device.deviceId());
        return n == null ? 0 : n;
    }

    static byte[] idBytes(String id) {
        UUID u = UUID.fromString(id);
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }
}

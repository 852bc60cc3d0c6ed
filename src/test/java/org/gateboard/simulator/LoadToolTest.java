package org.gateboard.simulator;

import org.gateboard.testsupport.HttpTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoadToolTest extends HttpTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void benchmarkDevicesAreEnrolledThroughTheAdminApiIntoTheAuditTrailAndTheirTokensWork(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("tokens.txt");
        Long before = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE actor = 'admin' AND"
                + " entity_type = 'device' AND action = 'register' AND after_json LIKE '%BENCH-B00%'", Long.class);

        LoadTool.enroll(Map.of("url", baseUrl(), "admin-password", "admin123", "devices", "2",
                "tokens-file", file.toString()));

        List<String> tokens = Files.readAllLines(file);
        assertThat(tokens).hasSize(2).doesNotHaveDuplicates();
        HttpClient http = HttpClient.newHttpClient();
        for (String token : tokens) {
            assertThat(http.send(HttpRequest.newBuilder(url("/api/v1/policy")).header("Authorization",
                    "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE actor = 'admin' AND"
                + " entity_type = 'device' AND action = 'register' AND after_json LIKE '%BENCH-B00%'", Long.class))
                .isEqualTo(before + 2);
    }
}

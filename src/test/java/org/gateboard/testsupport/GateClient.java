package org.gateboard.testsupport;

import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.RefusalReason;
import org.gateboard.verdict.StoredVerdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Posts verdicts through the device API over real HTTP, as a gate device with the given token would. */
public final class GateClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI verdicts;
    private final String token;

    public GateClient(String baseUrl, String token) {
        this.verdicts = URI.create(baseUrl + "/api/v1/verdicts");
        this.token = token;
    }

    /** The server's answer to one POST of a batch: its status and body. */
    public record Answer(int status, String body) {

        /** A 200 in which every verdict of a batch of {@code size} was stored, now or by an earlier sending. */
        public boolean stored(int size) {
            return status == 200 && accepted() + duplicates() == size && body.contains("\"rejected\":[]");
        }

        public int accepted() {
            return count("accepted");
        }

        public int duplicates() {
            return count("duplicates");
        }

        private int count(String field) {
            Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(body);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }
    }

    /** Posts one batch and answers the response body; fails unless every verdict was accepted. */
    public String post(List<StoredVerdict> batch) {
        try {
            Answer answer = send(batch);
            if (answer.status() != 200 || answer.accepted() != batch.size()) {
                throw new IllegalStateException("Device API answered " + answer.status() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Posts one batch once, whatever the answer; an IOException when no answer came (the connection failed or
     * broke, or 60 s passed). A device that gets no 200 sends the same batch again: the ids make that safe.
     */
    public Answer send(List<StoredVerdict> batch) throws IOException, InterruptedException {
        String body = batch.stream().map(GateClient::json).collect(Collectors.joining(",", "{\"verdicts\":[", "]}"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(verdicts)
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /**
     * A green admitted verdict, or a refused one with its reasons, under the city baseline (policy version 1);
     * one marked non-conforming is admitted with a fever, which the baseline forbids.
     */
    private static String json(StoredVerdict v) {
        boolean admitted = v.outcome() == Outcome.ADMITTED;
        String color = admitted ? "GREEN" : v.reasons().contains(RefusalReason.CODE_RED) ? "RED" : "YELLOW";
        String reasons = v.reasons().stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",", "[", "]"));
        return "{\"id\":\"" + v.id() + "\",\"scannedAt\":\"" + v.scannedAt().truncatedTo(ChronoUnit.MILLIS)
                + "\",\"outcome\":\"" + v.outcome() + "\",\"reasons\":" + reasons
                + ",\"codeColor\":\"" + color + "\",\"channel\":\"APP\",\"photoOnCode\":true,\"idChecked\":false,"
                + "\"maskWorn\":true,\"temperatureC\":" + (v.nonConforming() ? "38.0" : "36.5") + ",\"personRole\":\"" + v.personRole() + "\""
                + (v.checkSeconds() == null ? "" : ",\"checkSeconds\":" + v.checkSeconds())
                + ",\"policyVersion\":1}";
    }
}

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
import java.time.temporal.ChronoUnit;
import java.util.List;
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

    /** Posts one batch and answers the response body; fails unless every verdict was accepted. */
    public String post(List<StoredVerdict> batch) {
        String body = batch.stream().map(GateClient::json).collect(Collectors.joining(",", "{\"verdicts\":[", "]}"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(verdicts)
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("\"accepted\":" + batch.size())) {
                throw new IllegalStateException("Device API answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

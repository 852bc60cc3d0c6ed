package org.gateboard.verdict.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.gateboard.verdict.DeviceContacts;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** {@code {"policyVersion": 7, "backlog": 0, "sentAt": INSTANT}}, all three required. */
final class HeartbeatParser {

    private HeartbeatParser() {
    }

    static DeviceContacts.Heartbeat parse(JsonNode body) throws RequestBodies.Refused {
        if (!body.isObject()) {
            throw new RequestBodies.Refused(HttpStatus.BAD_REQUEST,
                    "The body must be a JSON object {\"policyVersion\": 7, \"backlog\": 0, \"sentAt\": \"...\"}.");
        }
        List<String> errors = new ArrayList<>();
        JsonNode version = body.get("policyVersion");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            errors.add("policyVersion: required, a positive integer");
        }
        JsonNode backlog = body.get("backlog");
        if (backlog == null || !backlog.isIntegralNumber() || !backlog.canConvertToInt() || backlog.intValue() < 0) {
            errors.add("backlog: required, an integer of at least 0");
        }
        Instant sentAt = null;
        JsonNode sent = body.get("sentAt");
        try {
            if (sent != null && sent.isTextual() && sent.textValue().length() <= 40) {
                sentAt = OffsetDateTime.parse(sent.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
        } catch (DateTimeParseException e) {
            sentAt = null;
        }
        if (sentAt == null || sentAt.isBefore(VerdictBatchParser.EARLIEST_SCAN)
                || sentAt.isAfter(Instant.parse("9999-12-31T00:00:00Z"))) {
            errors.add("sentAt: required, an ISO-8601 instant with an offset, e.g. 2020-02-24T08:59:31.250+08:00");
        }
        if (!errors.isEmpty()) {
            throw new RequestBodies.Refused(HttpStatus.BAD_REQUEST, String.join("; ", errors));
        }
        return new DeviceContacts.Heartbeat(version.intValue(), backlog.intValue(), sentAt);
    }
}

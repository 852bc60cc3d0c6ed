package org.gateboard.policy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gateboard.policy.PolicyParameters;
import org.gateboard.base.RuleViolationException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads the fields of a policy request one by one, so a bad field is named (422) and no number is taken
 * into arithmetic before its size is known to be sane.
 */
final class PolicyRequests {

    private PolicyRequests() {
    }

    /** The body as JSON, read with the application's mapper; not JSON at all is a 400, as on the other APIs. */
    static JsonNode read(ObjectMapper json, String body) {
        try {
            return json.readTree(body == null ? "" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            org.springframework.http.ProblemDetail problem = org.springframework.http.ProblemDetail.forStatusAndDetail(
                    org.springframework.http.HttpStatus.BAD_REQUEST, "The body is not valid JSON.");
            throw new org.springframework.web.ErrorResponseException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    problem, e);
        }
    }

    static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new RuleViolationException("policy.error.field", "body", "a JSON object");
        }
    }

    static PolicyParameters parameters(JsonNode body) {
        JsonNode t = body.get("feverThresholdC");
        if (t == null || !t.isNumber() || t.isFloatingPointNumber() && !Double.isFinite(t.doubleValue())) {
            throw new RuleViolationException("policy.error.field", "feverThresholdC", "a number from 35.0 to 40.0");
        }
        BigDecimal threshold = t.decimalValue();
        // a one-decimal number in range has at most 3 digits: refuse others before any rescaling
        if (threshold.precision() - threshold.scale() > 2 || !PolicyParameters.isThreshold(threshold)) {
            throw new RuleViolationException("policy.error.field", "feverThresholdC",
                    "a number from 35.0 to 40.0 with at most one decimal");
        }
        JsonNode colors = body.get("admittedColors");
        if (colors == null || !colors.isArray() || colors.size() > PolicyParameters.COLORS.size()) {
            throw new RuleViolationException("policy.error.field", "admittedColors", "an array of GREEN, YELLOW, RED");
        }
        Set<String> admitted = new LinkedHashSet<>();
        for (JsonNode c : colors) {
            if (!c.isTextual() || !PolicyParameters.COLORS.contains(c.asText())) {
                throw new RuleViolationException("policy.error.field", "admittedColors", "an array of GREEN, YELLOW, RED");
            }
            admitted.add(c.asText());
        }
        if (!admitted.contains("GREEN")) {
            throw new RuleViolationException("policy.error.field", "admittedColors", "an array that contains GREEN");
        }
        return new PolicyParameters(threshold.setScale(1), admitted, bool(body, "photolessRequiresIdCheck"),
                bool(body, "maskRequired"));
    }

    static Instant effectiveFrom(JsonNode body) {
        JsonNode from = body.get("effectiveFrom");
        if (from == null || from.isNull()) {
            return null;
        }
        try {
            if (!from.isTextual() || from.asText().length() > 40) {
                throw new DateTimeParseException("not text", "", 0);
            }
            return OffsetDateTime.parse(from.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new RuleViolationException("policy.error.field", "effectiveFrom",
                    "an ISO-8601 time with offset, e.g. 2020-02-24T00:00:00+08:00");
        }
    }

    static String reason(JsonNode body) {
        JsonNode reason = body.get("reason");
        if (reason == null || !reason.isTextual()) {
            throw new RuleViolationException("policy.error.field", "reason", "a text of 1 to 500 characters");
        }
        return reason.asText();
    }

    static LocalDate day(JsonNode body, LocalDate otherwise) {
        JsonNode day = body.get("day");
        if (day == null || day.isNull()) {
            return otherwise;
        }
        try {
            if (!day.isTextual() || day.asText().length() != 10) {
                throw new DateTimeParseException("not a day", "", 0);
            }
            return LocalDate.parse(day.asText());
        } catch (DateTimeParseException e) {
            throw new RuleViolationException("policy.error.field", "day", "a day written YYYY-MM-DD");
        }
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isBoolean()) {
            throw new RuleViolationException("policy.error.field", field, "true or false");
        }
        return v.asBoolean();
    }
}

package org.gateboard.verdict.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.gateboard.verdict.Channel;
import org.gateboard.verdict.CodeColor;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.gateboard.verdict.internal.IncomingVerdict;
import org.gateboard.verdict.internal.Instants;
import org.gateboard.verdict.internal.ResidentIds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Hand-written where docs/performance.md shows it pays: reading and validating are a quarter of the 15 µs of
 * CPU a verdict costs at 10,000 verdicts/s, and java.time's general parser was a visible share of a request
 * until {@link Instants} replaced it.
 *
 * <p>Field-by-field validation of the items of {@code POST /api/v1/verdicts}. Each item is checked on its own
 * and every problem is reported (not only the first), so a device integrator can fix them all at once.
 * Messages quote the field name and never the value of a personal field.
 */
final class VerdictBatchParser {

    /** The notice took effect then; no gate applied a health-code policy before. */
    static final Instant EARLIEST_SCAN = Instant.parse("2020-02-22T16:00:00Z");
    static final Duration MAX_FUTURE = Duration.ofMinutes(5);
    static final BigDecimal MIN_TEMPERATURE = new BigDecimal("30.0");
    static final BigDecimal MAX_TEMPERATURE = new BigDecimal("45.0");
    static final BigDecimal MAX_CHECK_SECONDS = new BigDecimal("3600");
    static final int MAX_NAME_LENGTH = 64;
    /**
     * Decimal places a number may carry. Temperatures are kept to 0.1 and check times to the millisecond; 20
     * places leave room for any float a device prints, while {@code 1e-1000000} (ten characters) would cost
     * seconds of CPU to round and a larger exponent all the memory.
     */
    static final int MAX_DECIMALS = 20;
    /** There are six refusal reasons, each allowed once; more entries than this are not read one by one. */
    static final int MAX_REASONS = 16;
    /** Errors listed per item; an item with more is already wrong enough to fix. */
    static final int MAX_ERRORS_PER_ITEM = 10;

    record Rejection(int index, String id, List<String> errors) {
    }

    /** The valid items in request order, the index of each in the request, and the rejected ones. */
    record Result(List<IncomingVerdict> valid, List<Integer> validIndexes, List<Rejection> rejected) {
    }

    private VerdictBatchParser() {
    }

    static Result parse(JsonNode items, Instant now) {
        List<IncomingVerdict> valid = new ArrayList<>(items.size());
        List<Integer> validIndexes = new ArrayList<>(items.size());
        List<Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            List<String> errors = new ArrayList<>(0);
            IncomingVerdict verdict;
            try {
                verdict = item.isObject() ? parseItem(item, now, errors) : null;
                if (!item.isObject()) {
                    errors.add("each verdict must be a JSON object");
                }
            } catch (RuntimeException e) {
                // a shape no rule foresaw: the item is refused rather than the request failing
                verdict = null;
                errors.add("the verdict could not be read");
            }
            if (errors.isEmpty() && verdict != null) {
                valid.add(verdict);
                validIndexes.add(i);
            } else {
                rejected.add(new Rejection(i, idText(item), capped(errors)));
            }
        }
        return new Result(valid, validIndexes, rejected);
    }

    /** The first errors of an item, and how many more there were, so an answer stays small whatever comes in. */
    private static List<String> capped(List<String> errors) {
        if (errors.size() <= MAX_ERRORS_PER_ITEM) {
            return errors;
        }
        List<String> first = new ArrayList<>(errors.subList(0, MAX_ERRORS_PER_ITEM - 1));
        first.add("… and " + (errors.size() - first.size()) + " more errors");
        return first;
    }

    private static String idText(JsonNode item) {
        JsonNode id = item.isObject() ? item.get("id") : null;
        if (id == null || !id.isTextual()) {
            return null;
        }
        String text = id.textValue();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static IncomingVerdict parseItem(JsonNode o, Instant now, List<String> errors) {
        UUID id = uuid(o, errors);
        Instant scannedAt = scannedAt(o, now, errors);
        Outcome outcome = enumValue(o, "outcome", Outcome.class, true, errors);
        Set<RefusalReason> reasons = reasons(o, errors);
        CodeColor codeColor = enumValue(o, "codeColor", CodeColor.class, false, errors);
        Channel channel = enumValue(o, "channel", Channel.class, false, errors);
        boolean noCode = reasons != null && reasons.contains(RefusalReason.NO_CODE);
        Boolean photoOnCode = bool(o, "photoOnCode", !noCode, errors);
        Boolean idChecked = bool(o, "idChecked", false, errors);
        Boolean maskWorn = bool(o, "maskWorn", true, errors);
        BigDecimal temperature = number(o, "temperatureC", true, MIN_TEMPERATURE, MAX_TEMPERATURE, errors);
        PersonRole role = enumValue(o, "personRole", PersonRole.class, true, errors);
        String name = personName(o, errors);
        String idNumber = idNumber(o, errors);
        BigDecimal checkSeconds = number(o, "checkSeconds", false, BigDecimal.ZERO, MAX_CHECK_SECONDS, errors);
        Integer policyVersion = policyVersion(o, errors);

        if (outcome != null && reasons != null) {
            if (outcome == Outcome.ADMITTED && !reasons.isEmpty()) {
                errors.add("reasons: must be empty when outcome is ADMITTED");
            } else if (outcome == Outcome.REFUSED && reasons.isEmpty()) {
                errors.add("reasons: must name at least one refusal reason when outcome is REFUSED");
            }
        }
        if (codeColor == null && isAbsent(o.get("codeColor")) && reasons != null && !noCode) {
            errors.add("codeColor: required unless reasons contains NO_CODE");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new IncomingVerdict(id, scannedAt, outcome, reasons, codeColor, channel, photoOnCode, idChecked,
                maskWorn, temperature.setScale(1, RoundingMode.FLOOR), role, name, idNumber,
                checkSeconds == null ? null : checkSeconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP)
                        .intValueExact(), policyVersion);
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull();
    }

    /** The field's node, or null when it is absent or null; then "required" (and {@code hint}) is an error if it must be there. */
    private static JsonNode present(JsonNode o, String field, boolean required, String hint, List<String> errors) {
        JsonNode node = o.get(field);
        if (!isAbsent(node)) {
            return node;
        }
        if (required) {
            errors.add(field + ": required" + hint);
        }
        return null;
    }

    private static UUID uuid(JsonNode o, List<String> errors) {
        JsonNode node = o.get("id");
        if (isAbsent(node)) {
            errors.add("id: required");
        } else if (!node.isTextual() || !isUuidText(node.textValue())) {
            errors.add("id: must be a UUID string such as 3f2b8c1e-6a4d-4f7e-9b1a-2c3d4e5f6a7b");
        } else {
            return UUID.fromString(node.textValue());
        }
        return null;
    }

    /** 8-4-4-4-12 hex digits; {@link UUID#fromString} alone would also take forms such as "1-1-1-1-1". */
    static boolean isUuidText(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private static Instant scannedAt(JsonNode o, Instant now, List<String> errors) {
        JsonNode node = o.get("scannedAt");
        if (isAbsent(node)) {
            errors.add("scannedAt: required");
            return null;
        }
        Instant at;
        try {
            if (!node.isTextual() || node.textValue().length() > 40) {
                throw new DateTimeParseException("not text", "", 0);
            }
            at = Instants.parseOffsetDateTime(node.textValue());
        } catch (DateTimeException | ArithmeticException e) {
            errors.add("scannedAt: must be an ISO-8601 instant with an offset, e.g. 2020-02-24T08:59:31.250+08:00");
            return null;
        }
        if (at.isAfter(now.plus(MAX_FUTURE))) {
            errors.add("scannedAt: must not be more than 5 minutes ahead of the server clock (server time "
                    + now + "); check the device clock");
        } else if (at.isBefore(EARLIEST_SCAN)) {
            errors.add("scannedAt: must not be before 2020-02-23T00:00:00+08:00, when the policy took effect");
        } else {
            return at;
        }
        return null;
    }

    private static <E extends Enum<E>> E enumValue(JsonNode o, String field, Class<E> type, boolean required,
                                                   List<String> errors) {
        JsonNode node = present(o, field, required, "", errors);
        if (node == null) {
            return null;
        }
        E value = node.isTextual() ? constant(type, node.textValue()) : null;
        if (value == null) {
            errors.add(field + ": must be one of " + names(type) + (required ? "" : " or null"));
        }
        return value;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        return null;
    }

    private static String names(Class<? extends Enum<?>> type) {
        StringBuilder s = new StringBuilder();
        for (Enum<?> e : type.getEnumConstants()) {
            s.append(s.isEmpty() ? "" : ", ").append(e.name());
        }
        return s.toString();
    }

    private static Set<RefusalReason> reasons(JsonNode o, List<String> errors) {
        JsonNode node = o.get("reasons");
        Set<RefusalReason> reasons = EnumSet.noneOf(RefusalReason.class);
        if (isAbsent(node)) {
            return reasons;
        }
        if (!node.isArray()) {
            errors.add("reasons: must be an array of refusal reasons");
            return null;
        }
        if (node.size() > MAX_REASONS) {
            // checked before reading them, so a megabyte of [0,0,0,...] costs one message, not one per entry
            errors.add("reasons: must hold at most " + MAX_REASONS + " entries (each refusal reason once)");
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < node.size(); i++) {
            JsonNode r = node.get(i);
            RefusalReason reason = r.isTextual() ? constant(RefusalReason.class, r.textValue()) : null;
            if (reason == null) {
                errors.add("reasons[" + i + "]: must be one of " + names(RefusalReason.class));
                ok = false;
            } else if (!reasons.add(reason)) {
                errors.add("reasons[" + i + "]: " + reason + " is listed twice");
                ok = false;
            }
        }
        return ok ? reasons : null;
    }

    private static Boolean bool(JsonNode o, String field, boolean required, List<String> errors) {
        JsonNode node = present(o, field, required,
                "photoOnCode".equals(field) ? " unless reasons contains NO_CODE" : "", errors);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            errors.add(field + ": must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    private static BigDecimal number(JsonNode o, String field, boolean required, BigDecimal min, BigDecimal max,
                                     List<String> errors) {
        JsonNode node = present(o, field, required, "", errors);
        if (node == null) {
            return null;
        }
        String range = "must be a number between " + min.toPlainString() + " and " + max.toPlainString();
        if (!node.isNumber()) {
            errors.add(field + ": " + range);
            return null;
        }
        if (!hasSaneScale(node)) {
            errors.add(field + ": must have at most " + MAX_DECIMALS + " decimal places and no exponent beyond"
                    + " what the field can hold");
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            errors.add(field + ": " + range);
            return null;
        }
        return value;
    }

    /**
     * Whether a JSON number's scale is within {@link #MAX_DECIMALS} either way: read from the parsed value
     * before any arithmetic touches it (rounding {@code 1e-1000000} means dividing by a million-digit power
     * of ten). Integers and doubles cannot carry such a scale.
     */
    static boolean hasSaneScale(JsonNode node) {
        if (!node.isBigDecimal()) {
            return true;
        }
        int scale = node.decimalValue().scale();
        return scale <= MAX_DECIMALS && scale >= -MAX_DECIMALS;
    }

    private static String personName(JsonNode o, List<String> errors) {
        JsonNode node = o.get("personName");
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add("personName: must be a string");
            return null;
        }
        String name = node.textValue().strip();
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            errors.add("personName: must be at most 64 characters");
            return null;
        }
        if (!isPrintable(name)) {
            errors.add("personName: must not contain control characters or broken Unicode");
            return null;
        }
        return name.isEmpty() ? null : name;
    }

    private static boolean isPrintable(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE
                    || Character.getType(cp) == Character.UNASSIGNED || cp == 0xFFFD) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static String idNumber(JsonNode o, List<String> errors) {
        JsonNode node = o.get("idNumber");
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isTextual() || !ResidentIds.isValid(node.textValue())) {
            errors.add("idNumber: must be an 18-character PRC resident ID number with a valid check digit");
            return null;
        }
        return node.textValue().toUpperCase();
    }

    private static Integer policyVersion(JsonNode o, List<String> errors) {
        JsonNode node = o.get("policyVersion");
        if (isAbsent(node)) {
            errors.add("policyVersion: required");
        } else if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
            errors.add("policyVersion: must be a positive integer");
        } else {
            return node.intValue();
        }
        return null;
    }
}

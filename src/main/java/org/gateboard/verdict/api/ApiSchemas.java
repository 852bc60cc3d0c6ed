package org.gateboard.verdict.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.gateboard.policy.EffectivePolicy;
import org.gateboard.verdict.Channel;
import org.gateboard.verdict.CodeColor;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The JSON shapes of the device API. The answers are written from these records; the request shapes are
 * here for the OpenAPI document only (requests are read and checked field by field, see
 * {@link VerdictBatchParser}).
 */
final class ApiSchemas {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private ApiSchemas() {
    }

    @Schema(name = "Policy")
    record Policy(
            @Schema(example = "7", description = "Names exactly these parameters; report it with every verdict") int version,
            @Schema(example = "2020-02-23T00:00:00+08:00", description = "In Shanghai time") String effectiveFrom,
            @Schema(example = "37.3", description = "A temperature at or over this is refused (FEVER)") BigDecimal feverThresholdC,
            @ArraySchema(schema = @Schema(implementation = CodeColor.class)) List<String> admittedColors,
            @Schema(description = "A code without photo needs a checked ID card") boolean photolessRequiresIdCheck,
            boolean maskRequired) {

        static Policy of(EffectivePolicy p, ZoneId zone) {
            return new Policy(p.version(), (p.effectiveFrom().getNano() == 0 ? SECONDS : MILLIS)
                            .format(p.effectiveFrom().atZone(zone)),
                    p.params().feverThresholdC(), List.copyOf(p.params().admittedColors()),
                    p.params().photolessRequiresIdCheck(), p.params().maskRequired());
        }
    }

    @Schema(name = "VerdictBatch")
    record VerdictBatch(@ArraySchema(minItems = 1, maxItems = 500) List<Verdict> verdicts) {
    }

    @Schema(name = "Verdict")
    record Verdict(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid", description = "Made by the device; the idempotency key") String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time", example = "2020-02-24T08:59:31.250+08:00",
                    description = "With an offset; at most 5 minutes ahead of the server clock; kept to the millisecond") String scannedAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Outcome outcome,
            @Schema(description = "Empty if and only if ADMITTED") List<RefusalReason> reasons,
            @Schema(nullable = true, description = "null only with reason NO_CODE") CodeColor codeColor,
            @Schema(nullable = true) Channel channel,
            @Schema(description = "Required unless NO_CODE") Boolean photoOnCode,
            Boolean idChecked,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean maskWorn,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "30.0", maximum = "45.0",
                    description = "Kept to 0.1 °C, rounded down") BigDecimal temperatureC,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) PersonRole personRole,
            @Schema(maxLength = 64) String personName,
            @Schema(minLength = 18, maxLength = 18, description = "PRC resident ID with a valid check digit; only a mask and a keyed hash are stored") String idNumber,
            @Schema(minimum = "0", maximum = "3600", description = "Kept to the millisecond") BigDecimal checkSeconds,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1") int policyVersion) {
    }

    @Schema(name = "VerdictsAnswer")
    record VerdictsAnswer(
            @Schema(description = "Verdicts stored by this request") int accepted,
            @Schema(description = "Valid verdicts whose id was already stored (or repeated in this request)") int duplicates,
            List<Rejection> rejected) {
    }

    @Schema(name = "Rejection")
    record Rejection(@Schema(description = "Position in the request, from 0") int index,
                     @Schema(nullable = true) String id,
                     List<String> errors) {
    }

    @Schema(name = "Heartbeat")
    record Heartbeat(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1") int policyVersion,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") int backlog,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") String sentAt) {
    }
}

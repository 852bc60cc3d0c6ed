package org.gateboard.verdict.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.gateboard.base.api.ProblemResponses;
import org.gateboard.policy.EffectivePolicy;
import org.gateboard.policy.PolicyService;
import org.gateboard.venue.DeviceIdentity;
import org.gateboard.verdict.DeviceContacts;
import org.gateboard.verdict.internal.VerdictIngestion;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The gate device protocol, version 1: policy pull, verdict push, heartbeat. */
@RestController
@Tag(name = "Gate devices", description = """
        The gate device protocol, version 1; the full guide is docs/device-api.md. Every call carries
        `Authorization: Bearer <token>`; the gate and venue come from the token, never from the body. Limits: 1 to 500
        verdicts and at most 1 MiB per request. Verdict ids are idempotency keys: resend a batch as often as needed.
        On 503, wait `Retry-After` seconds and resend the whole batch. Unknown JSON fields are ignored.""")
@SecurityScheme(name = DeviceApiController.DEVICE_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The device token issued by an administrator when the device was registered")
@SecurityRequirement(name = DeviceApiController.DEVICE_TOKEN)
class DeviceApiController {

    static final String DEVICE_TOKEN = "deviceToken";

    static final String POLICY = "/api/v1/policy";
    static final String VERDICTS = "/api/v1/verdicts";
    static final String HEARTBEAT = "/api/v1/heartbeat";
    static final int MAX_ITEMS = 500;
    static final String ID_CLASH = "id: already used by another device; this verdict was not stored";

    private final PolicyService policies;
    private final VerdictIngestion ingestion;
    private final DeviceContacts contacts;
    private final Clock clock;
    private final ZoneId venueZone;

    DeviceApiController(PolicyService policies, VerdictIngestion ingestion, DeviceContacts contacts, Clock clock,
                        ZoneId venueZone) {
        this.policies = policies;
        this.ingestion = ingestion;
        this.contacts = contacts;
        this.clock = clock;
        this.venueZone = venueZone;
    }

    @GetMapping(path = POLICY, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The policy in force now for this device's venue",
            description = "The city baseline, tightened by the venue where its managers set stricter parameters."
                    + " `version` names exactly these parameters; report it with every verdict. Revalidate with"
                    + " `If-None-Match`: 304 while nothing changed.")
    @ApiResponse(responseCode = "200", description = "The policy", headers = @Header(name = "ETag", description = "The policy version, quoted"),
            content = @Content(schema = @Schema(implementation = ApiSchemas.Policy.class)))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    ResponseEntity<?> policy(@Parameter(hidden = true) @AuthenticationPrincipal DeviceIdentity device) {
        EffectivePolicy policy = policies.effectiveFor(device.venueId());
        // Spring MVC answers 304 itself (WebRequest.checkNotModified) when If-None-Match names this ETag, weak or not
        return ResponseEntity.ok().eTag("\"" + policy.version() + "\"").cacheControl(CacheControl.noCache())
                .body(ApiSchemas.Policy.of(policy, venueZone));
    }

    @PostMapping(path = VERDICTS, produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "Push verdicts (1 to 500), oldest first; idempotent by verdict id",
            description = "Valid items are stored in one transaction: a 200 means they are durable. Invalid items"
                    + " are listed in `rejected` by index; items already stored count as `duplicates` and change"
                    + " nothing. Verdicts that disagree with the policy version they name are stored and flagged.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ApiSchemas.VerdictBatch.class))))
    @ApiResponse(responseCode = "200", description = "What was stored",
            content = @Content(schema = @Schema(implementation = ApiSchemas.VerdictsAnswer.class)))
    @ApiResponse(responseCode = "400", description = "Not JSON, or not of the shape {\"verdicts\": [...]} with 1 to 500 items", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "No or unknown token", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Device disabled or revoked", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "More than 500 items, or a body over 1 MiB", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "Not application/json in UTF-8", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Database unreachable; nothing stored; retry the whole batch after Retry-After seconds",
            headers = @Header(name = "Retry-After"), content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> verdicts(@Parameter(hidden = true) @AuthenticationPrincipal DeviceIdentity device,
                               HttpServletRequest request) throws IOException {
        JsonNode items;
        try {
            JsonNode body = RequestBodies.read(request, RequestBodies.MAX_VERDICT_BODY);
            items = body.isObject() ? body.get("verdicts") : null;
            if (items == null || !items.isArray()) {
                return ProblemResponses.answer(HttpStatus.BAD_REQUEST,
                        "The body must be a JSON object {\"verdicts\": [ ... ]}.");
            }
        } catch (RequestBodies.Refused e) {
            return ProblemResponses.answer(e.status, e.getMessage());
        }
        if (items.isEmpty()) {
            return ProblemResponses.answer(HttpStatus.BAD_REQUEST, "verdicts must hold 1 to 500 items; it is empty.");
        }
        if (items.size() > MAX_ITEMS) {
            return ProblemResponses.answer(HttpStatus.PAYLOAD_TOO_LARGE, "verdicts holds " + items.size()
                    + " items; send at most 500 per request.");
        }
        VerdictBatchParser.Result parsed = VerdictBatchParser.parse(items, clock.instant());
        VerdictIngestion.Receipt receipt = ingestion.ingest(device, parsed.valid(), parsed.rejected().size());
        List<ApiSchemas.Rejection> rejected = new ArrayList<>(parsed.rejected().size());
        parsed.rejected().forEach(r -> rejected.add(new ApiSchemas.Rejection(r.index(), r.id(), r.errors())));
        if (!receipt.clashed().isEmpty()) {
            for (int i = 0; i < parsed.valid().size(); i++) {
                UUID id = parsed.valid().get(i).id();
                if (receipt.clashed().contains(id)) {
                    rejected.add(new ApiSchemas.Rejection(parsed.validIndexes().get(i), id.toString(),
                            List.of(ID_CLASH)));
                }
            }
            rejected.sort(Comparator.comparingInt(ApiSchemas.Rejection::index));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new ApiSchemas.VerdictsAnswer(receipt.accepted(), receipt.duplicates(), rejected));
    }

    @PostMapping(path = HEARTBEAT)
    @Operation(summary = "Report that the device is alive, its backlog, clock and policy version",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ApiSchemas.Heartbeat.class))))
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ApiResponse(responseCode = "400", description = "Not a heartbeat", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Database unreachable; retry later", headers = @Header(name = "Retry-After"),
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> heartbeat(@Parameter(hidden = true) @AuthenticationPrincipal DeviceIdentity device,
                                HttpServletRequest request) throws IOException {
        DeviceContacts.Heartbeat beat;
        try {
            beat = HeartbeatParser.parse(RequestBodies.read(request, RequestBodies.MAX_HEARTBEAT_BODY));
        } catch (RequestBodies.Refused e) {
            return ProblemResponses.answer(e.status, e.getMessage());
        }
        contacts.heartbeat(device, beat);
        return ResponseEntity.noContent().build();
    }
}

package org.gateboard.policy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gateboard.base.UnknownRecordException;
import org.gateboard.policy.PolicyChange;
import org.gateboard.policy.PolicyDraft;
import org.gateboard.policy.PolicyEditor;
import org.gateboard.policy.PolicyService;
import org.gateboard.policy.PolicyWhatIf;
import org.gateboard.policy.Submitted;
import org.gateboard.policy.WhatIf;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bodies are taken as text and read field by field (see {@link PolicyRequests}); a tree type in the
 * signature would make the OpenAPI generator walk Jackson's node classes.
 *
 * The policy layers for city systems and scripts: HTTP Basic (the people's API chain), problem details.
 * Officials change the baseline and any venue; a manager only their venues (another venue is not found).
 */
@RestController
@RequestMapping(path = "/api/v1/policies", produces = MediaType.APPLICATION_JSON_VALUE)
class PolicyApiController {

    private final PolicyService policies;
    private final PolicyEditor editor;
    private final PolicyWhatIf whatIf;
    private final VenueService venues;
    private final ZoneId zone;
    private final ObjectMapper json;

    PolicyApiController(PolicyService policies, PolicyEditor editor, PolicyWhatIf whatIf, VenueService venues,
                        ZoneId venueZone, ObjectMapper json) {
        this.policies = policies;
        this.editor = editor;
        this.whatIf = whatIf;
        this.venues = venues;
        this.zone = venueZone;
        this.json = json;
    }

    @GetMapping
    PolicyJson.Overview overview() {
        Map<Long, String> codes = codes();
        List<PolicyChange> open = policies.openChanges();
        return new PolicyJson.Overview(PolicyJson.Version.of(policies.baseline(), zone),
                policies.visibleVenuePolicies().stream().map(v -> PolicyJson.Venue.of(v, zone)).toList(),
                open.stream().filter(c -> c.status() == PolicyChange.Status.PUBLISHED)
                        .map(c -> PolicyJson.Change.of(c, codes::get, zone)).toList(),
                open.stream().filter(c -> c.status() == PolicyChange.Status.PENDING)
                        .map(c -> PolicyJson.Change.of(c, codes::get, zone)).toList());
    }

    @PostMapping(path = "/baseline", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PolicyJson.Submitted> baseline(@RequestBody String body) {
        editor.requireMayChange(null);
        return answer(editor.submit(draft(null, PolicyRequests.read(json, body))));
    }

    @PostMapping(path = "/venues/{venueCode}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PolicyJson.Submitted> venue(@PathVariable String venueCode, @RequestBody String body) {
        long venueId = venueId(venueCode);
        editor.requireMayChange(venueId);
        return answer(editor.submit(draft(venueId, PolicyRequests.read(json, body))));
    }

    @PostMapping("/pending/{id}/approve")
    ResponseEntity<PolicyJson.Submitted> approve(@PathVariable long id) {
        return answer(editor.approve(id));
    }

    @DeleteMapping("/scheduled/{version}")
    PolicyJson.Change cancel(@PathVariable int version) {
        return PolicyJson.Change.of(editor.cancelScheduled(version), codes()::get, zone);
    }

    @GetMapping("/history")
    List<PolicyJson.History> history(@RequestParam(required = false) String venue) {
        Long venueId = venue == null || venue.isBlank() ? null : venueId(venue);
        Map<Long, String> codes = codes();
        return policies.history(venueId).stream().map(e -> PolicyJson.History.of(e, codes::get, zone)).toList();
    }

    @PostMapping(path = "/what-if", consumes = MediaType.APPLICATION_JSON_VALUE)
    WhatIf whatIf(@RequestBody String text) {
        JsonNode body = PolicyRequests.read(json, text);
        PolicyRequests.requireObject(body);
        Long venueId = body.hasNonNull("venueCode") ? venueId(body.get("venueCode").asText()) : null;
        editor.requireMayChange(venueId);
        return whatIf.replay(venueId, PolicyRequests.parameters(body), PolicyRequests.day(body, whatIf.yesterday()));
    }

    private PolicyDraft draft(Long venueId, JsonNode body) {
        PolicyRequests.requireObject(body);
        return new PolicyDraft(venueId, PolicyRequests.parameters(body), PolicyRequests.effectiveFrom(body),
                PolicyRequests.reason(body));
    }

    private ResponseEntity<PolicyJson.Submitted> answer(Submitted s) {
        PolicyJson.Submitted body = new PolicyJson.Submitted(s.change().status().name(), s.version(),
                PolicyJson.Change.of(s.change(), codes()::get, zone));
        return ResponseEntity.status(s.awaitsApproval() ? HttpStatus.ACCEPTED : HttpStatus.CREATED).body(body);
    }

    /** A venue the caller may not see is answered like one that does not exist. */
    private long venueId(String code) {
        return policies.visibleVenuePolicies().stream().filter(v -> v.code().equals(code)).findFirst()
                .map(v -> v.venueId())
                .orElseThrow(() -> new UnknownRecordException("venue.error.notFound"));
    }

    private Map<Long, String> codes() {
        Map<Long, String> codes = new HashMap<>();
        for (Venue v : venues.venues()) {
            codes.put(v.id(), v.code());
        }
        return codes;
    }
}

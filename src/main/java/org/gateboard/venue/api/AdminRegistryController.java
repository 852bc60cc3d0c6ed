package org.gateboard.venue.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gateboard.base.UnknownRecordException;
import org.gateboard.venue.Device;
import org.gateboard.venue.DeviceStatus;
import org.gateboard.venue.Gate;
import org.gateboard.venue.GateDraft;
import org.gateboard.venue.IssuedToken;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueDraft;
import org.gateboard.venue.VenueLevel;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * The registry for scripts: enrol venues, gates and devices in bulk. HTTP Basic as an ADMIN (the API
 * security chain checks the role; the service checks it again). Errors are problem details.
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Registry administration", description = "Venues, gates and gate devices; HTTP Basic as an ADMIN user")
@SecurityScheme(name = AdminRegistryController.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityRequirement(name = AdminRegistryController.BASIC)
class AdminRegistryController {

    static final String BASIC = "adminBasic";

    private final VenueService venues;

    AdminRegistryController(VenueService venues) {
        this.venues = venues;
    }

    /** A new device's label, e.g. its serial number or where it stands. */
    record NewDevice(String label) {
    }

    @GetMapping("/venues")
    @Operation(summary = "List venues", description = "Optionally only one level and/or district.")
    List<Venue> venues(@RequestParam(required = false) VenueLevel level,
                       @RequestParam(required = false) String district) {
        return venues.venues(level, district);
    }

    @PostMapping(path = "/venues", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a venue", responses = {
            @ApiResponse(responseCode = "201", description = "Created"),
            @ApiResponse(responseCode = "400", description = "Invalid input"),
            @ApiResponse(responseCode = "409", description = "A venue with this code exists")})
    ResponseEntity<Venue> createVenue(@RequestBody VenueDraft draft) {
        Venue venue = venues.createVenue(draft);
        return ResponseEntity.created(URI.create("/api/v1/admin/venues/" + venue.id())).body(venue);
    }

    @GetMapping("/venues/{venueId}")
    @Operation(summary = "One venue")
    Venue venue(@PathVariable long venueId) {
        return requireVenue(venueId);
    }

    @GetMapping("/venues/{venueId}/gates")
    @Operation(summary = "List a venue's gates")
    List<Gate> gates(@PathVariable long venueId) {
        requireVenue(venueId);
        return venues.gates(venueId);
    }

    @PostMapping(path = "/venues/{venueId}/gates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a gate at a venue", responses = {
            @ApiResponse(responseCode = "201", description = "Created"),
            @ApiResponse(responseCode = "404", description = "No such venue"),
            @ApiResponse(responseCode = "409", description = "The venue has a gate with this code")})
    @ResponseStatus(HttpStatus.CREATED)
    Gate createGate(@PathVariable long venueId, @RequestBody GateDraft draft) {
        return venues.createGate(venueId, draft);
    }

    @GetMapping("/gates/{gateId}/devices")
    @Operation(summary = "List a gate's devices", description = "Tokens are never listed: only their issue time.")
    List<Device> devices(@PathVariable long gateId) {
        venues.gate(gateId).orElseThrow(() -> new UnknownRecordException("venue.gate.error.notFound"));
        return venues.devices(gateId);
    }

    @PostMapping(path = "/gates/{gateId}/devices", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a device at a gate",
            description = "Answers the device's bearer token. This is the only time the token is shown: store it"
                    + " on the device now. Only its hash is kept.",
            responses = {@ApiResponse(responseCode = "201", description = "Registered; the body holds the token"),
                    @ApiResponse(responseCode = "404", description = "No such gate")})
    IssuedToken registerDevice(@PathVariable long gateId, @RequestBody NewDevice device) {
        return venues.registerDevice(gateId, device.label());
    }

    @PostMapping("/devices/{deviceId}/rotate")
    @Operation(summary = "Give a device a new token",
            description = "The old token stops working at once. The new one is shown only in this answer.",
            responses = {@ApiResponse(responseCode = "200", description = "The new token"),
                    @ApiResponse(responseCode = "404", description = "No such device"),
                    @ApiResponse(responseCode = "409", description = "The device is revoked")})
    IssuedToken rotate(@PathVariable long deviceId) {
        return venues.rotateToken(deviceId);
    }

    @DeleteMapping("/devices/{deviceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a device", description = "For good: a revoked device is never enabled again."
            + " Revoking a revoked device changes nothing.",
            responses = {@ApiResponse(responseCode = "204", description = "Revoked"),
                    @ApiResponse(responseCode = "404", description = "No such device")})
    void revoke(@PathVariable long deviceId) {
        Device device = venues.device(deviceId)
                .orElseThrow(() -> new UnknownRecordException("venue.device.error.notFound"));
        if (device.status() != DeviceStatus.REVOKED) {
            venues.setDeviceStatus(deviceId, DeviceStatus.REVOKED);
        }
    }

    private Venue requireVenue(long venueId) {
        return venues.venue(venueId).orElseThrow(() -> new UnknownRecordException("venue.error.notFound"));
    }
}

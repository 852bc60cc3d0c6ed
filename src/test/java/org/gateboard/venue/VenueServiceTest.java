package org.gateboard.venue;

import org.gateboard.base.ConflictException;
import org.gateboard.base.UnknownRecordException;
import org.gateboard.base.UserFacingException;
import org.gateboard.testsupport.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithMockUser(username = "registry-test-admin", roles = "ADMIN")
@RecordApplicationEvents
class VenueServiceTest extends DatabaseTest {

    @Autowired
    VenueService venues;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;

    static String uniqueCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static VenueDraft draft(String code) {
        return new VenueDraft(code, "测试交易中心", "Test Trading Centre", VenueLevel.DISTRICT, "测试区", "测试路 1 号");
    }

    @Test
    void savingWithAStaleVersionIsRefusedAndChangesNothing() {
        Venue created = venues.createVenue(draft(uniqueCode()));
        Venue edited = venues.updateVenue(created.id(), created.version(),
                new VenueDraft(created.code(), "改名后", created.nameEn(), created.level(), created.district(),
                        created.address()), true);
        assertThat(edited.version()).isEqualTo(created.version() + 1);

        assertThatThrownBy(() -> venues.updateVenue(created.id(), created.version(), draft(created.code()), true))
                .isInstanceOf(ConflictException.class).hasMessage("error.concurrentChange");
        assertThat(venues.venue(created.id()).orElseThrow().nameZh()).isEqualTo("改名后");
    }

    @Test
    void aVenueCodeCanBeUsedOnlyOnce() {
        String code = uniqueCode();
        venues.createVenue(draft(code));
        long before = count("venue");

        assertThatThrownBy(() -> venues.createVenue(draft(code)))
                .isInstanceOf(ConflictException.class).hasMessage("venue.error.duplicateCode");
        assertThat(count("venue")).isEqualTo(before);
    }

    @Test
    void invalidDraftsAreRefusedWithAReadableReason() {
        assertThatThrownBy(() -> venues.createVenue(new VenueDraft("x", "名", "Name", VenueLevel.CITY, null, null)))
                .isInstanceOf(UserFacingException.class).hasMessage("venue.error.code");
        assertThatThrownBy(() -> venues.createVenue(new VenueDraft(uniqueCode(), " ", "Name", VenueLevel.CITY, null,
                null))).hasMessage("venue.error.nameZh");
        assertThatThrownBy(() -> venues.createVenue(new VenueDraft(uniqueCode(), "名", "Name", null, null, null)))
                .hasMessage("venue.error.level");
    }

    @Test
    void deactivatingKeepsTheVenueButMarksItInactive() {
        Venue created = venues.createVenue(draft(uniqueCode()));
        Venue off = venues.setVenueActive(created.id(), created.version(), false);
        assertThat(off.active()).isFalse();
        assertThat(off.nameZh()).isEqualTo(created.nameZh());
        assertThat(venues.venues(VenueLevel.DISTRICT, "测试区")).extracting(Venue::id).contains(created.id());
    }

    @Test
    void deactivatingAGateIsAuditedAsSuch() {
        Gate gate = newGate();
        Gate off = venues.setGateActive(gate.id(), gate.version(), false);
        assertThat(off.active()).isFalse();
        assertThat(jdbc.queryForObject("SELECT action FROM audit_entry WHERE entity_type = 'gate' AND entity_id = ?"
                + " ORDER BY id DESC LIMIT 1", String.class, String.valueOf(gate.id()))).isEqualTo("deactivate");
    }

    @Test
    void aRevokedDeviceCannotBeEnabledAgainNorGetANewToken() {
        Gate gate = newGate();
        IssuedToken issued = venues.registerDevice(gate.id(), "scanner 1");
        venues.setDeviceStatus(issued.deviceId(), DeviceStatus.REVOKED);

        assertThatThrownBy(() -> venues.setDeviceStatus(issued.deviceId(), DeviceStatus.ACTIVE))
                .isInstanceOf(ConflictException.class).hasMessage("venue.device.error.revoked");
        assertThatThrownBy(() -> venues.rotateToken(issued.deviceId()))
                .isInstanceOf(ConflictException.class).hasMessage("venue.device.error.revoked");
        assertThat(venues.device(issued.deviceId()).orElseThrow().status()).isEqualTo(DeviceStatus.REVOKED);
    }

    @Test
    void everyRegistryChangeIsPublishedWithWhatHappenedAndARefusedOneIsNot() {
        Venue venue = venues.createVenue(draft(uniqueCode()));
        Gate gate = venues.createGate(venue.id(), new GateDraft("G1", "东门", "East entrance"));
        long device = venues.registerDevice(gate.id(), "scanner 5").deviceId();
        venues.rotateToken(device);
        venues.setDeviceStatus(device, DeviceStatus.DISABLED);
        venues.setDeviceStatus(device, DeviceStatus.ACTIVE);
        venues.setGateActive(gate.id(), gate.version(), false);
        Venue renamed = venues.updateVenue(venue.id(), venue.version(), new VenueDraft(venue.code(), "改名后",
                venue.nameEn(), venue.level(), venue.district(), venue.address()), true);
        venues.setVenueActive(venue.id(), renamed.version(), false);
        assertThatThrownBy(() -> venues.createGate(venue.id(), new GateDraft("G1", "重复", "Duplicate")))
                .isInstanceOf(ConflictException.class);

        assertThat(events.stream(RegistryChanged.class).map(e -> e.getClass().getSimpleName() + " " + e.change()))
                .containsExactly("VenueChanged CREATED", "GateChanged CREATED", "DeviceChanged CREATED",
                        "DeviceChanged CHANGED", "DeviceChanged DEACTIVATED", "DeviceChanged REACTIVATED",
                        "GateChanged DEACTIVATED", "VenueChanged CHANGED", "VenueChanged DEACTIVATED");
        assertThat(events.stream(RegistryChanged.class)).allSatisfy(e -> assertThat(e.venueId()).isEqualTo(venue.id()));
    }

    @Test
    void aDisabledDeviceCanBeEnabledAgain() {
        IssuedToken issued = venues.registerDevice(newGate().id(), "scanner 2");
        venues.setDeviceStatus(issued.deviceId(), DeviceStatus.DISABLED);
        assertThat(venues.deviceByToken(issued.token()).orElseThrow().status()).isEqualTo(DeviceStatus.DISABLED);
        venues.setDeviceStatus(issued.deviceId(), DeviceStatus.ACTIVE);
        assertThat(venues.deviceByToken(issued.token()).orElseThrow().status()).isEqualTo(DeviceStatus.ACTIVE);
    }

    @Test
    void afterRotationOnlyTheNewTokenFindsTheDevice() {
        Gate gate = newGate();
        IssuedToken first = venues.registerDevice(gate.id(), "scanner 3");
        IssuedToken second = venues.rotateToken(first.deviceId());

        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(venues.deviceByToken(first.token())).isEmpty();
        DeviceIdentity identity = venues.deviceByToken(second.token()).orElseThrow();
        assertThat(identity.deviceId()).isEqualTo(first.deviceId());
        assertThat(identity.gateId()).isEqualTo(gate.id());
        assertThat(identity.venueId()).isEqualTo(gate.venueId());
    }

    @Test
    void onlyTheTokensHashIsStored() {
        IssuedToken issued = venues.registerDevice(newGate().id(), "scanner 4");
        String stored = jdbc.queryForObject("SELECT token_hash FROM device WHERE id = ?", String.class,
                issued.deviceId());
        assertThat(stored).isEqualTo(DeviceTokens.hash(issued.token())).doesNotContain(issued.token());
    }

    @Test
    void unknownIdsAreReportedAsUnknown() {
        assertThatThrownBy(() -> venues.registerDevice(Long.MAX_VALUE, "x")).isInstanceOf(UnknownRecordException.class);
        assertThatThrownBy(() -> venues.rotateToken(Long.MAX_VALUE)).isInstanceOf(UnknownRecordException.class);
        assertThatThrownBy(() -> venues.createGate(Long.MAX_VALUE, new GateDraft("G1", "东门", "East")))
                .isInstanceOf(UnknownRecordException.class);
    }

    @Test
    void aGateCodeIsUniqueWithinItsVenueOnly() {
        Venue a = venues.createVenue(draft(uniqueCode()));
        Venue b = venues.createVenue(draft(uniqueCode()));
        venues.createGate(a.id(), new GateDraft("G1", "东门", "East entrance"));
        venues.createGate(b.id(), new GateDraft("G1", "东门", "East entrance"));
        assertThatThrownBy(() -> venues.createGate(a.id(), new GateDraft("G1", "西门", "West entrance")))
                .isInstanceOf(ConflictException.class).hasMessage("venue.gate.error.duplicateCode");
    }

    @Test
    void changesAreAuditedWithTheAdminsName() {
        Venue created = venues.createVenue(draft(uniqueCode()));
        String actor = jdbc.queryForObject("SELECT actor FROM audit_entry WHERE entity_type = 'venue'"
                + " AND entity_id = ? AND action = 'create'", String.class, String.valueOf(created.id()));
        assertThat(actor).isEqualTo("registry-test-admin");
    }

    @Test
    @WithMockUser(username = "some-manager", roles = "MANAGER")
    void onlyAdminsChangeTheRegistry() {
        assertThatThrownBy(() -> venues.createVenue(draft(uniqueCode()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> venues.registerDevice(1, "x")).isInstanceOf(AccessDeniedException.class);
    }

    private Gate newGate() {
        Venue venue = venues.createVenue(draft(uniqueCode()));
        return venues.createGate(venue.id(), new GateDraft("G1", "东门", "East entrance"));
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}

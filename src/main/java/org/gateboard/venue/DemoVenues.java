package org.gateboard.venue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * Demo mode: the city's venues with their gates, and one device per gate. Demo device tokens are
 * derived from the venue and gate codes so that they survive restarts and can be printed at every
 * start (for the built-in gate simulator and curious engineers); real devices get random tokens.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "gateboard.demo.enabled", havingValue = "true")
class DemoVenues implements ApplicationRunner, DemoDevices {

    private static final Logger log = LoggerFactory.getLogger(DemoVenues.class);

    record DemoVenue(VenueDraft venue, List<GateDraft> gates) {
    }

    static final List<DemoVenue> VENUES = List.of(
            new DemoVenue(new VenueDraft("SH-CITY", "上海市建设工程交易服务中心", "Shanghai Construction Project Trading Service Centre",
                    VenueLevel.CITY, "徐汇区", "上海市徐汇区（示例地址）"), gates(4)),
            new DemoVenue(new VenueDraft("PD", "浦东新区建设工程招标投标交易中心", "Pudong New Area Construction Bidding Centre",
                    VenueLevel.DISTRICT, "浦东新区", "上海市浦东新区（示例地址）"), gates(3)),
            new DemoVenue(new VenueDraft("MH", "闵行区建设工程招标投标交易中心", "Minhang District Construction Bidding Centre",
                    VenueLevel.DISTRICT, "闵行区", "上海市闵行区（示例地址）"), gates(2)),
            new DemoVenue(new VenueDraft("JD", "嘉定区建设工程招标投标交易中心", "Jiading District Construction Bidding Centre",
                    VenueLevel.DISTRICT, "嘉定区", "上海市嘉定区（示例地址）"), gates(2)),
            new DemoVenue(new VenueDraft("SJ", "松江区建设工程招标投标交易中心", "Songjiang District Construction Bidding Centre",
                    VenueLevel.DISTRICT, "松江区", "上海市松江区（示例地址）"), gates(2)),
            new DemoVenue(new VenueDraft("LG", "临港新片区管委会建设工程招标投标交易中心",
                    "Lin-gang Special Area Administration Construction Bidding Centre",
                    VenueLevel.COMMITTEE, "浦东新区", "上海市浦东新区临港（示例地址）"), gates(2)),
            new DemoVenue(new VenueDraft("LH", "上海市建设工程交易中心绿化和市容（林业）工程交易分中心",
                    "Greening and City-Appearance (Forestry) Engineering Trading Sub-centre",
                    VenueLevel.SUBCENTRE, "静安区", "上海市静安区（示例地址）"), gates(2)));

    private final VenueService venues;
    private final JdbcTemplate jdbc;

    DemoVenues(VenueService venues, JdbcTemplate jdbc) {
        this.venues = venues;
        this.jdbc = jdbc;
    }

    private static List<GateDraft> gates(int n) {
        String[][] names = {{"东门", "East entrance"}, {"西门", "West entrance"}, {"南门", "South entrance"},
                {"北门", "North entrance"}};
        List<GateDraft> gates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            gates.add(new GateDraft("G" + (i + 1), names[i][0], names[i][1]));
        }
        return gates;
    }

    /** The demo token of the device at a gate: fixed, so it works across restarts. */
    static String demoToken(String venueCode, String gateCode) {
        return "gbd_demo_" + venueCode.toLowerCase() + "_" + gateCode.toLowerCase();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (venues.venues().isEmpty()) {
            for (DemoVenue demo : VENUES) {
                Venue venue = venues.insertVenue(demo.venue());
                for (GateDraft g : demo.gates()) {
                    Gate gate = venues.insertGate(venue.id(), g);
                    IssuedToken issued = venues.insertDevice(gate.id(), "DEMO-" + venue.code() + "-" + gate.code());
                    // replace the random token with the well-known demo one
                    jdbc.update("UPDATE device SET token_hash = ? WHERE id = ?",
                            DeviceTokens.hash(demoToken(venue.code(), gate.code())), issued.deviceId());
                }
            }
            log.info("Demo venues, gates and devices created");
        }
        StringBuilder tokens = new StringBuilder("Demo device tokens (demo mode only):");
        for (DemoDevice d : demoDevices()) {
            tokens.append("\n  ").append(d.venueCode()).append('/').append(d.gateCode()).append("  ").append(d.token());
        }
        log.info(tokens.toString());
    }

    /** The demo devices that still exist and are active, with their tokens. */
    @Override
    public List<DemoDevice> list() {
        return demoDevices();
    }

    List<DemoDevice> demoDevices() {
        List<DemoDevice> result = new ArrayList<>();
        for (Venue v : venues.venues()) {
            for (Gate g : venues.gates(v.id())) {
                String token = demoToken(v.code(), g.code());
                venues.deviceByToken(token)
                        .filter(id -> id.status() == DeviceStatus.ACTIVE)
                        .ifPresent(id -> result.add(new DemoDevice(v.code(), g.code(), id.deviceId(), token)));
            }
        }
        return result;
    }
}

package org.gateboard.venue.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import org.gateboard.testsupport.UiTest;
import org.gateboard.venue.Device;
import org.gateboard.venue.DeviceStatus;
import org.gateboard.venue.Gate;
import org.gateboard.venue.GateDraft;
import org.gateboard.venue.IssuedToken;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueDraft;
import org.gateboard.venue.VenueLevel;
import org.gateboard.venue.VenueService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class RegistryUiTest extends UiTest {

    @Autowired
    VenueService venues;

    @Test
    void adminCreatesAVenueThroughTheFormAndSeesItInTheGrid() {
        login("admin", "admin123");
        navigate("admin/venues");
        VenuesView view = _get(VenuesView.class);
        String code = uniqueCode();

        _click(view.create);
        VenueForm form = view.form;
        _setValue(form.code, code);
        _setValue(form.nameZh, "奉贤区建设工程招标投标交易中心");
        _setValue(form.nameEn, "Fengxian District Construction Bidding Centre");
        _setValue(form.level, VenueLevel.DISTRICT);
        _setValue(form.district, "奉贤区");
        _setValue(form.address, "上海市奉贤区（测试地址）");
        _click(form.save);

        assertThat(gridCodes(view)).contains(code);
        assertThat(form.isVisible()).isFalse();
        Venue stored = venueByCode(code);
        assertThat(stored.nameEn()).isEqualTo("Fengxian District Construction Bidding Centre");
        assertThat(stored.level()).isEqualTo(VenueLevel.DISTRICT);
        assertThat(stored.active()).isTrue();
    }

    @Test
    void invalidInputShowsAReadableMessageAndStoresNothing() {
        login("admin", "admin123");
        navigate("admin/venues");
        VenuesView view = _get(VenuesView.class);
        int before = venues.venues().size();

        _click(view.create);
        _setValue(view.form.code, "x");
        _setValue(view.form.nameEn, "Only an English name");
        _click(view.form.save);

        assertThat(view.form.code.isInvalid()).isTrue();
        assertThat(view.form.code.getErrorMessage()).isEqualTo("场所编码须为 2-32 个字母、数字、_ 或 -。");
        assertThat(view.form.nameZh.isInvalid()).isTrue();
        assertThat(view.form.nameZh.getErrorMessage()).isEqualTo("请填写中文名称（最多 128 个字符）。");
        assertThat(view.form.level.isInvalid()).isTrue();
        assertThat(view.form.isVisible()).isTrue();
        assertThat(venues.venues()).hasSize(before);
    }

    @Test
    void aTakenCodeIsExplainedAndTheFormStaysOpen() {
        login("admin", "admin123");
        navigate("admin/venues");
        VenuesView view = _get(VenuesView.class);
        int before = venues.venues().size();

        _click(view.create);
        _setValue(view.form.code, "SH-CITY");
        _setValue(view.form.nameZh, "重复");
        _setValue(view.form.nameEn, "Duplicate");
        _setValue(view.form.level, VenueLevel.CITY);
        _click(view.form.save);

        NotificationsKt.expectNotifications("该场所编码已存在。");
        assertThat(view.form.isVisible()).isTrue();
        assertThat(venues.venues()).hasSize(before);
    }

    @Test
    void adminDeactivatesAVenueFromTheForm() {
        login("admin", "admin123");
        Venue venue = venues.createVenue(draft(uniqueCode()));
        navigate("admin/venues");
        VenuesView view = _get(VenuesView.class);

        view.grid.select(venue);
        assertThat(view.form.toggleActive.getText()).isEqualTo("停用");
        _click(view.form.toggleActive);

        assertThat(venues.venue(venue.id()).orElseThrow().active()).isFalse();
        int row = gridCodes(view).indexOf(venue.code());
        assertThat(GridKt._getFormattedRow(view.grid, row)).contains("停用");
    }

    @Test
    void theGridFiltersByLevelAndDistrict() {
        login("admin", "admin123");
        navigate("admin/venues");
        VenuesView view = _get(VenuesView.class);

        _setValue(view.levelFilter, VenueLevel.SUBCENTRE);
        assertThat(gridCodes(view)).contains("LH").doesNotContain("SH-CITY", "PD");
        _setValue(view.levelFilter, null);
        _setValue(view.districtFilter, "浦东新区");
        assertThat(gridCodes(view)).contains("PD", "LG").doesNotContain("SH-CITY", "LH");
    }

    @Test
    void registeringADeviceShowsItsTokenOnceOnly() {
        login("admin", "admin123");
        Venue venue = venues.createVenue(draft(uniqueCode()));
        Gate gate = venues.createGate(venue.id(), new GateDraft("G1", "东门", "East entrance"));
        navigate("admin/venues/" + venue.id() + "/gates");
        VenueGatesView view = _get(VenueGatesView.class);

        view.grid.select(gate);
        _setValue(view.devices.label, "东门扫码机 1");
        _click(view.devices.register);

        TokenDialog dialog = _get(TokenDialog.class);
        String token = dialog.token.getValue();
        assertThat(token).startsWith("gbd_");
        assertThat(dialog.token.isReadOnly()).isTrue();
        assertThat(text(_get(dialog, com.vaadin.flow.component.html.Paragraph.class))).contains("只显示这一次");
        assertThat(venues.deviceByToken(token)).hasValueSatisfying(d -> assertThat(d.gateId()).isEqualTo(gate.id()));

        _click(dialog.done);
        assertThat(_find(TokenDialog.class)).isEmpty();
        assertThat(_find(TextField.class)).extracting(TextField::getValue).doesNotContain(token);
        List<String> row = GridKt._getFormattedRow(view.devices.grid, 0);
        assertThat(row).contains("东门扫码机 1", "启用").noneMatch(cell -> cell.contains(token));
    }

    private record OneDevice(VenueGatesView view, IssuedToken token) {
    }

    /** Signed in as admin: a new venue whose gate G1 has one registered scanner, selected on the gates page. */
    private OneDevice gatesPageWithOneDeviceSelected() {
        login("admin", "admin123");
        Venue venue = venues.createVenue(draft(uniqueCode()));
        Gate gate = venues.createGate(venue.id(), new GateDraft("G1", "东门", "East entrance"));
        IssuedToken token = venues.registerDevice(gate.id(), "scanner");
        navigate("admin/venues/" + venue.id() + "/gates");
        VenueGatesView view = _get(VenueGatesView.class);
        view.grid.select(gate);
        view.devices.grid.select(GridKt._get(view.devices.grid, 0));
        return new OneDevice(view, token);
    }

    @Test
    void rotatingATokenShowsTheNewOneOnceAndTheOldOneStops() {
        OneDevice one = gatesPageWithOneDeviceSelected();
        String oldToken = one.token().token();
        VenueGatesView view = one.view();

        _click(view.devices.rotate);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        String newToken = _get(TokenDialog.class).token.getValue();
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(venues.deviceByToken(oldToken)).isEmpty();
        assertThat(venues.deviceByToken(newToken)).isPresent();
    }

    @Test
    void revokingADeviceAsksFirstAndIsFinal() {
        OneDevice one = gatesPageWithOneDeviceSelected();
        long deviceId = one.token().deviceId();
        VenueGatesView view = one.view();

        _click(view.devices.revoke);
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(venues.device(deviceId).orElseThrow().status()).isEqualTo(DeviceStatus.ACTIVE);
        ConfirmDialogKt._fireConfirm(confirm);

        Device revoked = venues.device(deviceId).orElseThrow();
        assertThat(revoked.status()).isEqualTo(DeviceStatus.REVOKED);
        view.devices.grid.select(GridKt._get(view.devices.grid, 0));
        assertThat(view.devices.toggle.isEnabled()).isFalse();
        assertThat(view.devices.rotate.isEnabled()).isFalse();
    }

    @Test
    void disablingAndEnablingADevice() {
        OneDevice one = gatesPageWithOneDeviceSelected();
        long deviceId = one.token().deviceId();
        VenueGatesView view = one.view();

        _click(view.devices.toggle);
        assertThat(venues.device(deviceId).orElseThrow().status()).isEqualTo(DeviceStatus.DISABLED);
        view.devices.grid.select(GridKt._get(view.devices.grid, 0));
        assertThat(view.devices.toggle.getText()).isEqualTo("启用");
        _click(view.devices.toggle);
        assertThat(venues.device(deviceId).orElseThrow().status()).isEqualTo(DeviceStatus.ACTIVE);
    }

    @Test
    void adminCreatesAGateThroughTheForm() {
        login("admin", "admin123");
        Venue venue = venues.createVenue(draft(uniqueCode()));
        navigate("admin/venues/" + venue.id() + "/gates");
        VenueGatesView view = _get(VenueGatesView.class);

        _click(view.create);
        _setValue(view.form.code, "N1");
        _setValue(view.form.nameZh, "北门");
        _setValue(view.form.nameEn, "North entrance");
        _click(view.form.save);

        assertThat(venues.gates(venue.id())).extracting(Gate::code).containsExactly("N1");
        assertThat(view.devices.grid.isVisible()).isTrue();
    }

    @Test
    void managersAndOfficialsCannotOpenTheRegistry() {
        for (String[] person : new String[][]{{"manager", "manager123"}, {"official", "official123"}}) {
            login(person[0], person[1]);
            navigate("admin/venues");
            assertThat(_find(VenuesView.class)).as(person[0]).isEmpty();
            long venueId = venues.venues().get(0).id();
            navigate("admin/venues/" + venueId + "/gates");
            assertThat(_find(VenueGatesView.class)).as(person[0]).isEmpty();
            navigate("");
            assertThat(_get(SideNav.class).getItems()).extracting(SideNavItem::getLabel)
                    .as(person[0]).doesNotContain("场所登记");
            logout();
            UI.getCurrent().getPage().reload();
        }
    }

    @Test
    void theRegistrySpeaksEnglishWhenAskedTo() {
        login("admin", "admin123");
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        navigate("admin/venues");
        VenuesView view = _get(VenuesView.class);
        assertThat(view.getPageTitle()).isEqualTo("Venue registry");
        int row = gridCodes(view).indexOf("SH-CITY");
        assertThat(GridKt._getFormattedRow(view.grid, row)).contains("City", "Active");
        _click(view.create);
        _click(view.form.save);
        assertThat(view.form.code.getErrorMessage()).isEqualTo("Venue codes are 2-32 letters, digits, _ or -.");
    }

    @Test
    void adminSeesTheRegistryInTheNavigation() {
        login("admin", "admin123");
        navigate("");
        assertThat(_get(SideNav.class).getItems()).extracting(SideNavItem::getLabel).contains("场所登记");
    }

    private static List<String> gridCodes(VenuesView view) {
        return GridKt._fetch(view.grid, 0, 1000).stream().map(Venue::code).toList();
    }

    private Venue venueByCode(String code) {
        return venues.venues().stream().filter(v -> v.code().equals(code)).findFirst().orElseThrow();
    }

    private static String text(com.vaadin.flow.component.Component c) {
        return com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively(c);
    }

    static String uniqueCode() {
        return "UI-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static VenueDraft draft(String code) {
        return new VenueDraft(code, "测试交易中心", "Test Trading Centre", VenueLevel.DISTRICT, "测试区", null);
    }
}

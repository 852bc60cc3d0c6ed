package org.gateboard.audit.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import org.gateboard.audit.AuditEntry;
import com.vaadin.flow.component.UI;
import org.gateboard.audit.AuditService;
import org.gateboard.base.i18n.MessagesI18NProvider;
import org.gateboard.testsupport.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AuditViewUiTest extends UiTest {

    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adminSeesTheNewestEntryFirstInShanghaiTime() {
        String marker = UUID.randomUUID().toString();
        audit.recordAs("audit-ui-test", "audit-ui-test", marker, "check", null, Map.of("k", "v"));
        login("admin", "admin123");
        navigate("admin/audit");
        AuditView view = _get(AuditView.class);

        AuditEntry newest = GridKt._get(view.grid, 0);
        assertThat(newest.entityId()).isEqualTo(marker);
        var row = GridKt._getFormattedRow(view.grid, 0);
        assertThat(row).contains("audit-ui-test", "audit-ui-test #" + marker, "check", "{\"k\":\"v\"}");
        String shanghai = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                .format(newest.occurredAt().atZone(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(row).contains(shanghai);
    }

    @Test
    void entityAndActionNamesAreWordsInTheReadersLanguageAndUnknownNamesStayAsStored() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        audit.recordAs("admin", "device", marker, "status-revoked", null, null);
        login("admin", "admin123");
        navigate("admin/audit");
        AuditView view = _get(AuditView.class);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("设备 #" + marker, "吊销")
                .doesNotContain("status-revoked");

        UI.getCurrent().setLocale(MessagesI18NProvider.ENGLISH);
        navigate("admin/audit");
        view = _get(AuditView.class);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("Device #" + marker, "Revoked");

        audit.recordAs("admin", "parking-lot", marker, "repaint", null, null);
        view.grid.getDataProvider().refreshAll();
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("parking-lot #" + marker, "repaint");
    }

    @Test
    void verifyingAnIntactChainSaysSo() {
        login("admin", "admin123");
        navigate("admin/audit");
        AuditView view = _get(AuditView.class);

        _click(view.verify);
        assertThat(view.result.getText()).startsWith("哈希链完整");
    }

    @Test
    void verifyingATamperedChainNamesTheFirstBrokenEntry() {
        String marker = UUID.randomUUID().toString();
        audit.recordAs("audit-ui-test", "audit-ui-test", marker, "check", null, Map.of("k", "v"));
        long id = jdbc.queryForObject("SELECT id FROM audit_entry WHERE entity_id = ?", Long.class, marker);
        login("admin", "admin123");
        navigate("admin/audit");
        AuditView view = _get(AuditView.class);
        try {
            jdbc.update("UPDATE audit_entry SET actor = 'someone-else' WHERE id = ?", id);
            _click(view.verify);
            assertThat(view.result.getText()).isEqualTo("哈希链在第 #" + id + " 条记录处断裂：该记录在写入后被修改。");
        } finally {
            jdbc.update("UPDATE audit_entry SET actor = 'audit-ui-test' WHERE id = ?", id);
        }
        _click(view.verify);
        assertThat(view.result.getText()).startsWith("哈希链完整");
    }

    @Test
    void managersCannotOpenTheAuditTrail() {
        login("manager", "manager123");
        navigate("admin/audit");
        assertThat(_find(AuditView.class)).isEmpty();
    }
}

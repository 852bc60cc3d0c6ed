package org.gateboard.security;

import org.gateboard.base.StartRefusedAnalyzer;
import org.gateboard.base.Role;
import org.gateboard.audit.AuditService;
import org.gateboard.venue.VenueService;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The first start of a production install: the real UserService over a stand-in repository, no Spring context. */
class AccountBootstrapTest {

    private final UserRepository repository = mock(UserRepository.class);
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    private final UserService users = new UserService(repository, encoder, mock(AuditService.class),
            mock(VenueService.class), Clock.fixed(Instant.parse("2020-02-23T00:00:00Z"), ZoneOffset.UTC),
            mock(LoginThrottle.class), mock(org.springframework.context.ApplicationEventPublisher.class));

    private AccountBootstrap bootstrap(String adminPassword) {
        return new AccountBootstrap(users, mock(VenueService.class), false, "admin", adminPassword);
    }

    @Test
    void withDemoOffAnEmptyDatabaseAndNoAdminPasswordTheStartIsRefusedWithAClearMessage() {
        when(repository.count()).thenReturn(0L);

        assertThatThrownBy(() -> bootstrap("").run(null))
                .isInstanceOf(AccountBootstrap.StartRefused.class)
                .hasMessageContaining("GATEBOARD_ADMIN_PASSWORD")
                .hasMessageContaining("demo mode is off");
        verify(repository, never()).insert(anyString(), anyString(), anyString(), any(), anyString(), any());
    }

    @Test
    void withTheVariableSetTheFirstAdminIsCreatedWithThatPassword() {
        when(repository.count()).thenReturn(0L);
        when(repository.insert(anyString(), anyString(), anyString(), any(), anyString(), any())).thenReturn(1L);

        bootstrap("first-admin-secret").run(null);

        ArgumentCaptor<String> hash = ArgumentCaptor.forClass(String.class);
        verify(repository).insert(eq("admin"), anyString(), hash.capture(), eq(Role.ADMIN), eq("zh-CN"), any());
        assertThat(encoder.matches("first-admin-secret", hash.getValue())).isTrue();
    }

    @Test
    void aTooShortAdminPasswordIsRefusedWithAClearMessage() {
        when(repository.count()).thenReturn(0L);

        assertThatThrownBy(() -> bootstrap("short").run(null))
                .isInstanceOf(AccountBootstrap.StartRefused.class)
                .hasMessageContaining("8 to 72 characters");
    }

    @Test
    void onceAccountsExistTheVariableIsNotNeeded() {
        when(repository.count()).thenReturn(3L);

        bootstrap("").run(null);

        verify(repository, never()).insert(anyString(), anyString(), anyString(), any(), anyString(), any());
    }

    @Test
    void theRefusalIsPrintedAsAShortStartUpReportNamingTheVariable() {
        RuntimeException wrapped = new IllegalStateException("Failed to execute ApplicationRunner",
                new AccountBootstrap.StartRefused("The database has no accounts"));

        FailureAnalysis analysis = new StartRefusedAnalyzer().analyze(wrapped);

        assertThat(analysis.getDescription()).isEqualTo("The database has no accounts");
        assertThat(analysis.getAction()).contains("GATEBOARD_ADMIN_PASSWORD");
    }
}

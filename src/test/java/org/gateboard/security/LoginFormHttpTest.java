package org.gateboard.security;

import org.gateboard.base.Role;
import org.gateboard.testsupport.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.authentication.ui.DefaultLoginPageGeneratingFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gateboard.security.TestAccounts.PASSWORD;
import static org.gateboard.security.TestAccounts.asAdmin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The login form's POST through the real security filter chain: where each kind of failure is sent. */
class LoginFormHttpTest extends DatabaseTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserService users;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void theLoginPageIsGateboardsOwnNotSpringSecuritysGeneratedOne() {
        FilterChainProxy chains = context.getBean(FilterChainProxy.class);
        assertThat(chains.getFilters("/login")).noneMatch(DefaultLoginPageGeneratingFilter.class::isInstance);
    }

    @Test
    void aWrongPasswordComesBackToTheLoginFormWithError() throws Exception {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        signIn(name, "not-the-password").andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void theRightPasswordSignsIn() throws Exception {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        signIn(name, PASSWORD).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("login"));
    }

    @Test
    void afterFiveWrongPasswordsFromOneAddressEvenTheRightOneComesBackAsThrottled() throws Exception {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        for (int i = 0; i < 5; i++) {
            signIn(name, "not-the-password", "10.5.0.1").andExpect(redirectedUrl("/login?error"));
        }
        signIn(name, PASSWORD, "10.5.0.1").andExpect(redirectedUrl("/login?throttled"));
        signIn(name, PASSWORD, "10.5.0.2").andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("login"));
    }

    @Test
    void anUnknownNameIsThrottledAfterFiveTriesJustLikeAKnownOne() throws Exception {
        String name = TestAccounts.uniqueName("nobody");
        for (int i = 0; i < 5; i++) {
            signIn(name, "not-the-password", "10.5.0.3").andExpect(redirectedUrl("/login?error"));
        }
        signIn(name, PASSWORD, "10.5.0.3").andExpect(redirectedUrl("/login?throttled"));
    }

    @Test
    void aDisabledAccountComesBackAsDisabledOnlyWithItsRightPassword() throws Exception {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        asAdmin(() -> users.setEnabled(TestAccounts.idOf(users, name), false));
        signIn(name, "not-the-password").andExpect(redirectedUrl("/login?error"));
        signIn(name, PASSWORD).andExpect(redirectedUrl("/login?disabled"));
    }

    private ResultActions signIn(String username, String password) throws Exception {
        return signIn(username, password, "127.0.0.1");
    }

    private ResultActions signIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }
}

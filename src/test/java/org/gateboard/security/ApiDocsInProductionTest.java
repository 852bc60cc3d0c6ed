package org.gateboard.security;

import org.gateboard.testsupport.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With the setting the prod profile makes, the OpenAPI document and Swagger UI are for admins only. */
@SpringBootTest(properties = "gateboard.security.api-docs-public=false")
class ApiDocsInProductionTest extends DatabaseTest {

    @Autowired
    WebApplicationContext context;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void theProdProfileClosesTheApiDocs() throws Exception {
        assertThat(PropertiesLoaderUtils.loadProperties(new ClassPathResource("application-prod.properties"))
                .getProperty("gateboard.security.api-docs-public")).isEqualTo("false");
    }

    @Test
    void onlyAdminsReadTheOpenApiDocumentAndSwaggerUi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/swagger-ui.html")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs").with(httpBasic("official", "official123"))).andExpect(status().isForbidden());
        mvc.perform(get("/v3/api-docs").with(httpBasic("admin", "admin123"))).andExpect(status().isOk());
    }
}

package org.gateboard.verdict.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The served OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). */
@Configuration
class OpenApiConfig {

    static final String DEVICE_TOKEN = "deviceToken";

    @Bean
    OpenAPI gateboardOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Gateboard device API").version("1")
                        .description("""
                                The gate device protocol, version 1. Every call carries `Authorization: Bearer <token>`;
                                the gate and venue come from the token, never from the body. Times are ISO-8601
                                instants with an offset. Errors are RFC 9457 problem details. Limits: 1 to 500
                                verdicts and at most 1 MiB per request. Verdict ids are idempotency keys: resend a
                                batch as often as needed. On 503, wait `Retry-After` seconds and resend the whole
                                batch. Unknown JSON fields are ignored. The full guide is docs/device-api.md."""))
                .components(new Components().addSecuritySchemes(DEVICE_TOKEN, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("The device token issued by an administrator when the device was registered")));
    }
}

package org.gateboard.base.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The served OpenAPI document of all of Gateboard's APIs ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}): what holds for every one of them. Each feature's controllers add their own paths,
 * tag and security scheme with annotations (the gate devices' bearer token in {@code verdict.api}, the admins'
 * HTTP Basic in {@code venue.api}).
 */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI gateboardOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Gateboard API").version("1")
                        .description("""
                                Gateboard's HTTP APIs, version 1: the protocol gate devices speak (each with its own
                                bearer token; the full guide is docs/device-api.md), and the APIs for people's scripts
                                (HTTP Basic as a Gateboard user, or a stats token on the stats API). Times are ISO-8601
                                instants with an offset. Errors are RFC 9457 problem details; on 503, wait
                                `Retry-After` seconds and send the whole request again."""));
    }
}

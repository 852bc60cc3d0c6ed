package org.gateboard.base.api;

import org.gateboard.Application;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application started in a thread, with its start-up held before the demo venues and accounts
 * are made: meanwhile the open port answers 503 with Retry-After (not 401 or 200) and readiness says not
 * ready; once start-up has finished, the same requests get through.
 */
class NotReadyFilterTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void requestsDuringStartUpGet503WithRetryAfterAndReadinessIsDownUntilItHasFinished() throws Exception {
        CountDownLatch seedingReached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> port = new CompletableFuture<>();
        SpringApplication app = new SpringApplication(Application.class);
        app.addListeners((ApplicationListener<WebServerInitializedEvent>) e -> port.complete(e.getWebServer().getPort()));
        app.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("holdSeeding", new HoldSeeding(seedingReached, release)));
        // a thread of its own: on two cores the common pool has one thread, which start-up itself may need
        ExecutorService starter = Executors.newSingleThreadExecutor();
        CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture.supplyAsync(() ->
                app.run("--spring.profiles.active=test", "--server.port=0", "--spring.jmx.enabled=false"), starter);
        try {
            String base = "http://127.0.0.1:" + port.get(15, TimeUnit.MINUTES);
            assertThat(seedingReached.await(15, TimeUnit.MINUTES)).isTrue();

            HttpResponse<String> login = get(base + "/login", null);
            assertThat(login.statusCode()).isEqualTo(503);
            assertThat(login.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(login.body()).contains("正在启动").contains("starting");

            HttpResponse<String> api = get(base + "/api/v1/stats/venues", "admin:admin123");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(api.body()).contains("\"status\":503");

            assertThat(get(base + "/actuator/health/readiness", null).statusCode()).isEqualTo(503);
            assertThat(get(base + "/actuator/health/liveness", null).statusCode()).isEqualTo(200);

            release.countDown();
            started.get(15, TimeUnit.MINUTES);

            assertThat(get(base + "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
            assertThat(get(base + "/login", null).statusCode()).isEqualTo(200);
            assertThat(get(base + "/api/v1/stats/venues", "admin:admin123").statusCode()).isEqualTo(200);
        } finally {
            release.countDown();
            started.thenAccept(ConfigurableApplicationContext::close);
            starter.shutdown();
        }
    }

    private HttpResponse<String> get(String url, String basic) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (basic != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Runs before the demo venues and accounts are made, and holds start-up there until released. */
    private record HoldSeeding(CountDownLatch reached, CountDownLatch release) implements ApplicationRunner, Ordered {

        @Override
        public void run(ApplicationArguments args) throws Exception {
            reached.countDown();
            release.await(20, TimeUnit.MINUTES);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}

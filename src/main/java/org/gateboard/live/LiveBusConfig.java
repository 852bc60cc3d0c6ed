package org.gateboard.live;

import io.lettuce.core.resource.Delay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The subscription of {@link LiveBus}: Spring Data's container, which subscribes again after Redis was away. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.data.redis", name = "url")
class LiveBusConfig {

    @Bean
    RedisMessageListenerContainer liveBusListeners(RedisConnectionFactory redis) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.setRecoveryInterval(1000);
        return container;
    }

    /**
     * Lettuce tries to reconnect at most every 2 s (its default backs off to 30 s), so the bus is back, and the
     * figures whole one heartbeat later, within a few seconds of Redis.
     */
    @Bean
    ClientResourcesBuilderCustomizer liveBusReconnects() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
    }
}

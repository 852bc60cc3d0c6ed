package org.gateboard.base;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

@Configuration
class BaseConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The zone in which "today" and the hours of a day are counted: the venues are all in Shanghai. */
    @Bean
    ZoneId venueZone(@Value("${gateboard.zone:Asia/Shanghai}") String zone) {
        return ZoneId.of(zone);
    }
}

package org.gateboard.base.db;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * Scheduled jobs whose effect is on shared data (the retention purge, the purge of old failed sign-ins) run on
 * one node of a cluster at a time: each carries ShedLock's {@code @SchedulerLock}, and a node first takes the
 * job's row in {@code shedlock} (migration V7_0) on the primary; a node that finds it taken skips that run. The
 * lock's times come from the database's clock, so nodes whose clocks differ still agree. Jobs on a node's own
 * memory (the live recount, the flush of device contacts seen by this node) take no lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class JobLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}

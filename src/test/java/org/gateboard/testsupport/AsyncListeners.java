package org.gateboard.testsupport;

import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts the tasks handed to the application's task executor that have not finished yet: the
 * {@code @ApplicationModuleListener}s run there. A task is counted when it is handed over, which for a listener
 * happens on the publishing thread as the publishing transaction commits; so once {@link #awaitIdle()} returns
 * after a commit, every listener of the events that transaction published has finished (a signal to wait for,
 * not a pause).
 */
public final class AsyncListeners {

    private final AtomicInteger pending = new AtomicInteger();

    private Runnable decorate(Runnable task) {
        pending.incrementAndGet();
        return () -> {
            try {
                task.run();
            } finally {
                pending.decrementAndGet();
            }
        };
    }

    /** Waits (at most 30 s) until every task handed over so far, and any they handed over, has finished. */
    public void awaitIdle() {
        long deadline = System.currentTimeMillis() + 30_000;
        while (pending.get() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(pending.get()).as("listeners still running after 30 s").isZero();
    }

    /**
     * Puts the counter in front of the application's task executor only. (Not as a TaskDecorator bean: Spring
     * Boot would put that in front of the scheduler too, whose repeating tasks run many times each.)
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        AsyncListeners asyncListeners() {
            return new AsyncListeners();
        }

        @Bean
        ThreadPoolTaskExecutorCustomizer countListenerTasks(AsyncListeners listeners) {
            return executor -> executor.setTaskDecorator(listeners::decorate);
        }
    }
}

package org.gateboard.testsupport;

import org.gateboard.verdict.VerdictsStored;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Hears {@link VerdictsStored} as another feature would, through an {@code @ApplicationModuleListener}, and
 * hands each event to what the running test asked for.
 */
public class VerdictEventsProbe {

    private final List<Consumer<VerdictsStored>> watchers = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(VerdictsStored event) {
        watchers.forEach(w -> w.accept(event));
    }

    /** Hands every later event to {@code watcher} (on the listener's thread) until the returned handle is run. */
    public Runnable watch(Consumer<VerdictsStored> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        VerdictEventsProbe verdictEventsProbe() {
            return new VerdictEventsProbe();
        }
    }
}

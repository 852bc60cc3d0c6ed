package org.gateboard.live;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationContext;

/**
 * The live dashboard's push rounds on the test's own thread, so a test sees a push happen instead of waiting
 * for the next round; and the open subscriptions, as the {@code gateboard.live.subscriptions} gauge reports them.
 */
public final class LivePushes {

    private final LiveUpdates updates;
    private final MeterRegistry meters;

    public LivePushes(ApplicationContext context) {
        this.updates = context.getBean(LiveUpdates.class);
        this.meters = context.getBean(MeterRegistry.class);
    }

    /** Pushes the pending changes now. */
    public void flush() {
        updates.round(false, false);
    }

    /** Pushes every open view now, changed or not, as the refresh every 10 s does. */
    public void refreshAll() {
        updates.round(true, false);
    }

    /** Open subscriptions, to check that views unsubscribe. */
    public int subscribers() {
        return (int) meters.get("gateboard.live.subscriptions").gauge().value();
    }
}

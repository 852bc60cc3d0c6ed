package org.gateboard.base.ui;

import org.atmosphere.cpr.AtmosphereResource;
import org.atmosphere.cpr.Broadcaster;
import org.atmosphere.cpr.BroadcasterFuture;
import org.atmosphere.cpr.DefaultBroadcaster;
import org.atmosphere.cpr.Deliver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broadcaster that carries every Vaadin push (Atmosphere's {@link DefaultBroadcaster}), with one change:
 * how a connection's messages reach its socket.
 * <p>
 * Atmosphere writes each connection's messages on its async write pool, in order, through a writer task
 * that waits 100 ms for a next message before it hands its thread back ({@code threadWaitTime}). So a pool
 * of N threads writes at most N / 0.1 s messages a second on time, whatever the cores: 64 threads held
 * about 320 screens at two pushes a second, and 1,000 screens got their pushes two or three at a time, up
 * to 2.2 s apart. Setting the wait to 0 was tried and is no remedy: the push connection then closed in
 * Chromium. The writer then ends after every message, and Atmosphere's hand-over between an ending writer
 * and the next message (a queue looked up outside the lock that removes it) can start a second writer for
 * the same connection, which may write a later message before an earlier one.
 * <p>
 * Here each connection has a {@link SerialWriter} on the same pool: one write at a time, in order, and the
 * thread goes back as soon as nothing is waiting. A write to a healthy connection takes a fraction of a
 * millisecond (Tomcat sends without blocking), so a few threads write thousands of pushes a second; a
 * connection whose browser does not read holds its thread until Atmosphere's write timeout, as before.
 * Everything else, the rare non-async and resumed paths included, is Atmosphere's own.
 * Vaadin's push handler uses one broadcaster for all UIs; {@link PushSettings} names this class for it.
 */
public class PushBroadcaster extends DefaultBroadcaster {

    /** Each connection's writer, by the connection's id; dropped when the connection leaves the broadcaster. */
    private final Map<String, SerialWriter> writers = new ConcurrentHashMap<>();

    @Override
    protected void queueWriteIO(AtmosphereResource r, Deliver deliver, AtomicInteger count)
            throws InterruptedException {
        if (!deliver.isAsync() || r.isResumed() || r.isCancelled()) {
            super.queueWriteIO(r, deliver, count);
            return;
        }
        AsyncWriteToken token = new AsyncWriteToken(r, deliver.getMessage(), (BroadcasterFuture<?>) deliver.getFuture(),
                deliver.getOriginalMessage(), deliver.getCache(), count);
        writers.computeIfAbsent(r.uuid(), id -> new SerialWriter(getBroadcasterConfig().getAsyncWriteService()))
                .submit(() -> write(r, token));
    }

    /** As Atmosphere's own writer task writes one message. */
    private void write(AtmosphereResource r, AsyncWriteToken token) {
        if (isDestroyed()) {
            return;
        }
        synchronized (r) {
            try {
                executeAsyncWrite(token);
            } catch (Throwable e) {
                if (isDestroyed()) {
                    return;
                }
                try {
                    cacheLostMessage(r, token, true);
                } finally {
                    removeAtmosphereResource(r, false);
                }
            }
        }
    }

    @Override
    protected Broadcaster removeAtmosphereResource(AtmosphereResource r, boolean executeDone) {
        writers.remove(r.uuid());
        return super.removeAtmosphereResource(r, executeDone);
    }

    @Override
    public void releaseExternalResources() {
        writers.clear();
        super.releaseExternalResources();
    }
}

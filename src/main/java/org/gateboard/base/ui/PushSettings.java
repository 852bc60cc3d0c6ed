package org.gateboard.base.ui;

import com.vaadin.flow.server.VaadinServlet;
import org.atmosphere.cpr.AtmosphereConfig;
import org.atmosphere.cpr.AtmosphereInterceptorAdapter;
import org.atmosphere.util.ExecutorsFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * What each open UI's push connection holds on the server, sized for wall screens that stay open all day.
 * <ul>
 * <li>Receive buffers: Vaadin asks Atmosphere for 16 KB text and binary message buffers per WebSocket (the
 * text buffer holds chars, so 32 KB of heap), kept while the tab is open. Push sends over the WebSocket only
 * from server to browser (the browser sends its events over HTTP), so what arrives on the socket is
 * Atmosphere's heartbeats and the close frame; 2 KB holds them many times over.</li>
 * <li>Write threads ({@code gateboard.live.push-write-threads}, default 64): how many connections are written
 * at once. {@link PushBroadcaster} holds a thread only while a connection has messages waiting, and a write to
 * a healthy connection takes a fraction of a millisecond, so a few threads keep up with thousands of screens
 * (1,000 screens at two pushes a second and 5,000 verdicts/s: a push at most 0.63 s after the one before at
 * p99, docs/performance.md, "Sessions one node holds while ingesting"). A thread waits longer only for a
 * browser that stops reading, up to Atmosphere's write timeout; the threads are for those. Atmosphere's own
 * writer kept each thread 100 ms after every message, which made the pool, not the CPU, the bound: 64
 * threads wrote about 640 pushes a second on time. A fixed pool starts a thread for every task until it has
 * them all and lets a thread go after 30 s idle. (Setting Atmosphere's {@code threadWaitTime} to 0 instead
 * kept the cadence in the benchmark, but in Chromium the push connection then closed and updates stopped;
 * see {@link PushBroadcaster} for why.)</li>
 * <li>Tomcat's own WebSocket buffers: every connection allocates about six buffers of Tomcat's WebSocket
 * buffer size (8 KB by default: reading, unmasking, encoding, writing, compressing), all kept while it is
 * open. A push message longer than the buffer goes out in several writes, which for the few KB of a
 * dashboard update costs nothing noticeable. Tomcat reads the size once, from a system property, when its
 * WebSocket support starts; this bean is created before the web server, so setting it here is in time
 * (an explicit -D on the command line wins).</li>
 * <li>Heartbeat timers: Atmosphere restarts a connection's heartbeat timer on every push by cancelling the
 * scheduled heartbeat and scheduling a new one, and its scheduler keeps cancelled tasks queued until their
 * time would have come (60 s). At two pushes a second that is over a hundred dead tasks per open screen;
 * {@link CancelledTimersRemoved} has the scheduler drop them when they are cancelled.</li>
 * </ul>
 * Vaadin keeps a servlet init parameter over its own default, so the values are set on its servlet.
 */
@Component
class PushSettings implements BeanPostProcessor, EnvironmentAware {

    /** Atmosphere's push write threads: {@code gateboard.live.push-write-threads} (see the class comment). */
    static final String WRITE_THREADS = "gateboard.live.push-write-threads";
    static final int DEFAULT_WRITE_THREADS = 64;

    static final String TOMCAT_WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    static {
        if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER) == null) {
            System.setProperty(TOMCAT_WEBSOCKET_BUFFER, "2048");
        }
    }

    static final Map<String, String> PARAMETERS = Map.of(
            "org.atmosphere.websocket.bufferSize", "2048",
            "org.atmosphere.websocket.maxTextMessageSize", "2048",
            "org.atmosphere.websocket.maxBinaryMessageSize", "2048",
            "org.atmosphere.cpr.AtmosphereInterceptor", CancelledTimersRemoved.class.getName(),
            "org.atmosphere.cpr.broadcasterClass", PushBroadcaster.class.getName());

    private int writeThreads = DEFAULT_WRITE_THREADS;

    @Override
    public void setEnvironment(Environment environment) {
        writeThreads = environment.getProperty(WRITE_THREADS, Integer.class, DEFAULT_WRITE_THREADS);
        if (writeThreads < 2) {
            throw new IllegalArgumentException(WRITE_THREADS + " must be at least 2, not " + writeThreads);
        }
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof ServletRegistrationBean<?> registration
                && registration.getServlet() instanceof VaadinServlet) {
            PARAMETERS.forEach(registration::addInitParameter);
            registration.addInitParameter("org.atmosphere.cpr.broadcaster.maxAsyncWriteThreads",
                    String.valueOf(writeThreads));
        }
        return bean;
    }

    /** Makes Atmosphere's shared scheduler remove cancelled tasks at once; intercepts nothing. */
    public static class CancelledTimersRemoved extends AtmosphereInterceptorAdapter {

        @Override
        public void configure(AtmosphereConfig config) {
            if (ExecutorsFactory.getScheduler(config) instanceof ScheduledThreadPoolExecutor scheduler) {
                scheduler.setRemoveOnCancelPolicy(true);
            }
        }
    }
}

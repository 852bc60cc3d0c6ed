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
 * <li>Write threads ({@code gateboard.live.push-write-threads}, default 64): each connection's writer keeps a
 * thread for 100 ms after a message in case another follows, so a node writes at most (threads / 0.1 s)
 * pushes a second on time, whatever its cores; beyond that a connection's pushes wait for a thread and go out
 * two or three at a time. With 8 threads 100 open screens got their pushes in bursts every 2 s; with 64
 * (about 640 pushes a second, some 320 screens at two pushes a second) 1,000 screens got theirs up to 2.2 s
 * apart; with 256 they came 0.93 s apart at p99 (docs/performance.md, "Sessions one node holds while
 * ingesting"). But on the 2 cores that also ran MariaDB and the load, 256 threads took CPU from ingestion
 * (3,171 of 5,000 verdicts/s with 500 screens, against 5,030 with 64), so the default stays 64, and a node
 * with cores to spare for more than about 300 screens gets more threads by this setting. A fixed pool
 * starts a thread for every task until it has them all and lets a thread go after 30 s idle, so a node
 * with few screens still keeps up to that many mostly idle threads. A pool that grows only when all its
 * threads are busy (Atmosphere's -1, without its fork-join pool) held 650-700 threads for 500-1,000 screens.
 * (Handing the thread back at once, {@code threadWaitTime} 0, kept the cadence too, but in Chromium the
 * push connection then closed and updates stopped: not an option.)</li>
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

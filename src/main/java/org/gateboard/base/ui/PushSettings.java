package org.gateboard.base.ui;

import com.vaadin.flow.server.VaadinServlet;
import org.atmosphere.cpr.AtmosphereConfig;
import org.atmosphere.cpr.AtmosphereInterceptorAdapter;
import org.atmosphere.util.ExecutorsFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
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
 * <li>Write threads: Atmosphere's default is a fixed pool of 200 threads for writing pushes, and a fixed
 * pool starts a new thread for every task until it has them all, so a few open dashboards soon park 200
 * threads with their stacks and thread-local buffers. Pushes are small and go out twice a second per view;
 * a handful of threads writes them, the rest wait in the pool's queue. Each connection's writer hands its
thread back as soon as its queue is empty ({@code threadWaitTime} 0): by default it keeps the thread for
100 ms in case another message follows, so 8 threads wrote at most some 80 screens' pushes a second, and
with 100 screens open their pushes came in bursts every 2 s instead of every 500 ms.</li>
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
class PushSettings implements BeanPostProcessor {

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
            "org.atmosphere.cpr.broadcaster.maxAsyncWriteThreads", "8",
            "org.atmosphere.cpr.Broadcaster.threadWaitTime", "0",
            "org.atmosphere.cpr.AtmosphereInterceptor", CancelledTimersRemoved.class.getName());

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof ServletRegistrationBean<?> registration
                && registration.getServlet() instanceof VaadinServlet) {
            PARAMETERS.forEach(registration::addInitParameter);
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

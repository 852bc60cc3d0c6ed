package org.gateboard.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gateboard.venue.DemoDevice;
import org.gateboard.venue.DemoDevices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Demo mode: the app plays its own demo gates against itself, over real HTTP and the real device API, at a
 * gentle rate, so that the dashboard is alive on first start. {@code gateboard.demo.simulator.enabled=false}
 * turns it off (tests do).
 */
@Component
@ConditionalOnProperty(name = {"gateboard.demo.enabled", "gateboard.demo.simulator.enabled"}, havingValue = "true",
        matchIfMissing = true)
class DemoSimulatorRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoSimulatorRunner.class);

    private final DemoDevices demoDevices;
    private final ObjectMapper json;
    private final double rate;
    private volatile Simulation simulation;
    private volatile Thread thread;

    DemoSimulatorRunner(DemoDevices demoDevices, ObjectMapper json,
                        @Value("${gateboard.demo.simulator.rate:2}") double rate) {
        this.demoDevices = demoDevices;
        this.json = json;
        this.rate = rate;
    }

    @EventListener
    void startWhenReady(ApplicationReadyEvent ready) {
        String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port");
        if (port == null) {
            return;
        }
        List<String> tokens = demoDevices.list().stream().map(DemoDevice::token).toList();
        if (tokens.isEmpty()) {
            log.info("Demo gate simulator: no demo devices, not started");
            return;
        }
        String url = "http://127.0.0.1:" + port;
        SimulatedGate.Settings settings = new SimulatedGate.Settings(rate / tokens.size(), Duration.ofSeconds(2),
                0.05, Duration.ofSeconds(90), 0.02, 0.01, Duration.ofSeconds(30));
        simulation = new Simulation(url, tokens, json, settings, System.nanoTime(), Duration.ofMillis(500),
                Duration.ZERO, Duration.ofMinutes(5), Clock.systemUTC());
        thread = new Thread(simulation, "demo-gate-simulator");
        thread.setDaemon(true);
        thread.start();
        log.info("Demo gate simulator: {} gates against {} at about {} verdicts/s"
                + " (gateboard.demo.simulator.enabled=false turns it off)", tokens.size(), url, rate);
    }

    @Override
    public void start() {
        // started once the app is ready to answer (see startWhenReady)
    }

    @Override
    public void stop() {
        Simulation s = simulation;
        if (s != null) {
            s.stop();
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    @Override
    public int getPhase() {
        // stop before the web server stops
        return Integer.MAX_VALUE;
    }
}

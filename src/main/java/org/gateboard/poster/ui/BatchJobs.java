package org.gateboard.poster.ui;

import jakarta.annotation.PreDestroy;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs batch prints off the request thread, one at a time (a batch reads every venue and writes a large PDF;
 * two at once would only halve each one's speed), as the admin who started it.
 */
@Component
class BatchJobs {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "poster-batch");
        t.setDaemon(true);
        return t;
    });

    void submit(Runnable job) {
        executor.execute(new DelegatingSecurityContextRunnable(job));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}

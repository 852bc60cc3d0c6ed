package org.gateboard.refusal.api;

import org.gateboard.refusal.RetentionRun;
import org.gateboard.refusal.RetentionService;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/retention/run}: the retention job now (HTTP Basic as an admin), answering what it did. */
@RestController
class RetentionController {

    private final RetentionService retention;

    RetentionController(RetentionService retention) {
        this.retention = retention;
    }

    @PostMapping("/api/v1/admin/retention/run")
    RetentionRun run() {
        return retention.run();
    }
}

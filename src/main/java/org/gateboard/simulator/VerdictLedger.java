package org.gateboard.simulator;

import java.util.List;
import java.util.UUID;

/**
 * Told which verdicts a simulated gate made and which ones a 200 named, so that a fault campaign can hold the
 * database to what the server acknowledged. The demo and the benchmarks keep no ledger.
 */
interface VerdictLedger {

    VerdictLedger NONE = new VerdictLedger() {
        @Override
        public void generated(String gate, UUID id) {
        }

        @Override
        public void acknowledged(String gate, List<UUID> ids) {
        }
    };

    void generated(String gate, UUID id);

    /** The verdicts of a batch the server answered 200 for (accepted, duplicate or rejected). */
    void acknowledged(String gate, List<UUID> ids);
}

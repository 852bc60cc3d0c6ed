package org.gateboard.verdict;

import java.util.List;

/**
 * Published once per accepted batch, after its transaction committed: only verdicts stored for the
 * first time (never duplicates). Listeners must be quick and must not block ingestion.
 */
public record VerdictsStored(List<StoredVerdict> verdicts) {
}

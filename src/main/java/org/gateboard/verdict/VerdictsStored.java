package org.gateboard.verdict;

import java.util.List;

/**
 * Published once per accepted batch, after its transaction committed: only verdicts stored for the
 * first time (never duplicates). Listeners must be quick and must not block ingestion.
 *
 * @param sequence numbers the batches of this node in the order they committed (see
 *                 {@link TallySnapshot#throughSequence()}); 0 for verdicts stored outside ingestion
 */
public record VerdictsStored(long sequence, List<StoredVerdict> verdicts) {
}

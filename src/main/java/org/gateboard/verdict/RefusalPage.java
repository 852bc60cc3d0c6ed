package org.gateboard.verdict;

import java.util.List;

/**
 * One page of refusals, newest first.
 *
 * @param last where the rows read ended (null when no row was read); the next page starts after it
 * @param more whether the log may hold further matching rows after {@code last}
 */
public record RefusalPage(List<RefusalRow> rows, RefusalCursor last, boolean more) {
}

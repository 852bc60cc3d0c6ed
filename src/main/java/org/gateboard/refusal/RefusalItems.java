package org.gateboard.refusal;

import java.util.List;

/** A page of refusals and the cursor of the next page (null when this is the last). */
public record RefusalItems(List<RefusalItem> items, String next) {
}

package org.gateboard.policy;

import java.util.List;

/** One change of a layer with its differences to the layer's previous published parameters. */
public record HistoryEntry(PolicyChange change, PolicyParameters previous, List<PolicyParameter> differences) {
}

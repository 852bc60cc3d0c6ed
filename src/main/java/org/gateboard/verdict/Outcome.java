package org.gateboard.verdict;

/** What the gate decided. */
public enum Outcome {
    ADMITTED, REFUSED
}

package org.gateboard.verdict;

/** The colour of the Suishenma health code as scanned. */
public enum CodeColor {
    GREEN, YELLOW, RED
}

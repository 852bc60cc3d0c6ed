package org.gateboard.verdict;

/** Who was entering (notice rule 1), plus venue staff and others. */
public enum PersonRole {
    TENDERER, AGENT, BIDDER, EXPERT, SUPERVISOR, STAFF, OTHER
}

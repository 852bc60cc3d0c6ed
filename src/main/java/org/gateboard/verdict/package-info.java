/**
 * Verdict ingestion: the gate device API, storage of verdicts and their tallies, and the events other
 * features count.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Verdicts")
package org.gateboard.verdict;

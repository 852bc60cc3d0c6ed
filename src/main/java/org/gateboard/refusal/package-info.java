/**
 * Refusal review: officials find, judge and export refusals; managers read those of their venues. Reads the
 * verdict log only through {@link org.gateboard.verdict.RefusalQueries}; keeps its own dispositions, the log of
 * who looked at whose data, and the retention job that purges personal fields.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Refusal review")
package org.gateboard.refusal;

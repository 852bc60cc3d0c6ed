/**
 * Live dashboard: admission counts per venue, gate and device health, queue warnings, pushed to the
 * browser. Counts today's verdicts in memory from the verdict feature's events, recounted from the verdict
 * feature's tallies at start-up, every minute and when events were lost; past days are summed from them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live dashboard")
package org.gateboard.live;

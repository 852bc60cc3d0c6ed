/**
 * Live dashboard: admission counts per venue, gate and device health, queue warnings, pushed to the
 * browser. Counts today's verdicts in memory from the verdict feature's events, rebuilt from the verdict
 * table at start-up; past days are aggregated from that table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live dashboard")
package org.gateboard.live;

package org.gateboard.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Tuning of the live dashboard ({@code gateboard.live.*}).
 *
 * @param pushInterval            at most one push per subscriber per interval (500 ms: two a second)
 * @param refreshInterval         pushes even without new verdicts, so rates and online states move on
 * @param offlineAfter            a device without contact for this long is offline
 * @param queueMedianCheckSeconds queue warning when a gate's median check time (10 min) reaches this
 * @param queueArrivalsPerMinute  queue warning when a gate's arrivals (5 min) reach this many a minute
 * @param queueUtilisation        queue warning when arrivals a minute times the median check time fill
 *                                this share of the minute (the gate is busy nearly all the time)
 * @param queueMinTimedChecks     timed checks needed before the median counts
 * @param highRefusalRate         warning badge when the day's refusal rate reaches this share
 * @param highRefusalMinVerdicts  ... and the day has at least this many verdicts
 * @param recountInterval         how often today's counts are recounted from the database, healing what
 *                                lost events left out (also at once when events are known to be lost)
 * @param busPublishInterval      with several nodes: how often a node tells the others its counts of the
 *                                venues that changed ({@link LiveBus})
 * @param busHeartbeat            ... and how often it tells them all its counts, whatever changed: the bound
 *                                within which a lost message is healed
 * @param nodeSilentAfter         a node not heard for this long is taken for stopped: its counts are then read
 *                                from the database
 */
@ConfigurationProperties("gateboard.live")
record LiveSettings(@DefaultValue("500ms") Duration pushInterval,
                    @DefaultValue("10s") Duration refreshInterval,
                    @DefaultValue("2m") Duration offlineAfter,
                    @DefaultValue("30") double queueMedianCheckSeconds,
                    @DefaultValue("20") double queueArrivalsPerMinute,
                    @DefaultValue("0.8") double queueUtilisation,
                    @DefaultValue("5") int queueMinTimedChecks,
                    @DefaultValue("0.2") double highRefusalRate,
                    @DefaultValue("20") int highRefusalMinVerdicts,
                    @DefaultValue("60s") Duration recountInterval,
                    @DefaultValue("250ms") Duration busPublishInterval,
                    @DefaultValue("5s") Duration busHeartbeat,
                    @DefaultValue("15s") Duration nodeSilentAfter) {
}

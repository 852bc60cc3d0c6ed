/**
 * The demo gate simulator: plays gate devices against a running Gateboard over real HTTP and the device API,
 * as their firmware would (in demo mode against the app itself, or from the command line against any
 * server). A client of the device API, not part of ingestion: it names no other feature's internals and
 * no table. The load tools built on it (the ingestion benchmark, the fault campaign) live in the test
 * sources.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Gate simulator")
package org.gateboard.simulator;

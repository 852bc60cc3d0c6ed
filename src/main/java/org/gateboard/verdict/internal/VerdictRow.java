package org.gateboard.verdict.internal;

import org.gateboard.venue.DeviceIdentity;

import java.time.Instant;

/** A verdict as it is stored: the device's facts, where it came from, and the policy re-check. */
record VerdictRow(IncomingVerdict verdict, DeviceIdentity device, Instant receivedAt, String idNumberMasked,
                  byte[] idNumberHash, String nonConformance) {

    boolean nonConforming() {
        return nonConformance != null;
    }
}

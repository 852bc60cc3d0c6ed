package org.gateboard.refusal;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;

/** Where an export writes its refusals, one at a time, in one format. */
interface ExportRows {

    /** The columns, in order; the time column is in the venues' zone. */
    static List<String> columns(ZoneId zone) {
        return List.of("verdictId", "scannedAt (" + zone.getId() + ")", "venueCode", "gateCode", "reasons",
                "codeColor", "channel", "temperatureC", "personRole", "idNumberMasked", "personName", "policyVersion",
                "nonConformance", "review");
    }

    void row(RefusalItem item) throws IOException;

    /** After each chunk: hands what is written on to the stream, so that nothing piles up in memory. */
    void flush() throws IOException;

    /** After the last row: completes the file (the stream stays open). */
    void finish() throws IOException;
}

package org.gateboard.refusal;

import jakarta.annotation.security.RolesAllowed;
import org.gateboard.audit.AuditPosition;
import org.gateboard.base.Role;
import org.gateboard.base.i18n.MessagesI18NProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.ZoneId;
import java.util.UUID;

/**
 * A refusal's evidence sheet for a dispute file: one A4 PDF with the verdict's facts, the policy version it named
 * and what that version said, the conformance result, the person's verdicts that day and every disposition, each
 * disposition with its place in the audit chain. Producing a sheet is a look at the person's data: it is audited
 * like opening the detail, and the sheet prints the audit entry of its own production.
 */
@Service
public class RefusalEvidence {

    /** What one sheet shows: the detail as its reader may see it, and the audit entry of this very look. */
    record Evidence(RefusalDetail detail, AuditPosition look, String lookedBy) {
    }

    private final RefusalService refusals;
    private final TransactionTemplate tx;
    private final MessagesI18NProvider messages;
    private final ZoneId zone;

    RefusalEvidence(RefusalService refusals, TransactionTemplate tx, MessagesI18NProvider messages,
                    ZoneId venueZone) {
        this.refusals = refusals;
        this.tx = tx;
        this.messages = messages;
        this.zone = venueZone;
    }

    /**
     * The sheet as PDF bytes. Names are in full for officials and masked for managers, as in the detail; the ID
     * number is always masked. The look is committed before the PDF is drawn, so that drawing never holds the
     * audit trail's lock.
     */
    @RolesAllowed({Role.Names.OFFICIAL, Role.Names.MANAGER})
    public byte[] sheet(UUID verdictId) {
        Evidence evidence = tx.execute(status -> refusals.evidence(verdictId));
        return EvidenceSheet.render(evidence, messages, zone);
    }

    /** The file name a download of the sheet carries. */
    public static String fileName(UUID verdictId) {
        return "refusal-" + verdictId + ".pdf";
    }
}

/** The audit trail: who changed what and when, hash-chained so tampering is detectable. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.gateboard.audit;

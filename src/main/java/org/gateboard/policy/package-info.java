/**
 * Versioned policy parameters that gates apply: the city baseline, tightened per venue. Every version is
 * immutable, so a verdict can always be re-checked against the exact version it names.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy")
package org.gateboard.policy;

/**
 * Channel QR posters (notice rule 5): the channels' QR payloads and city-wide templates (admins), each venue's
 * poster edited as a draft and published in immutable versions (its managers), printing to PDF, the print log
 * and the venues still showing an older poster than the published one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Posters")
package org.gateboard.poster;

/**
 * Shared kernel: roles, the exceptions people can act on, draft checks, cache settings and the clock at the root;
 * the shell and web components in {@code ui}, API errors in {@code api}, texts in {@code i18n}, the embedded
 * database in {@code db}, printing pieces in {@code pdf}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Base", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gateboard.base;

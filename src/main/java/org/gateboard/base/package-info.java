/** Shared kernel: layout, navigation, error handling, i18n, the embedded database and roles. */
@org.springframework.modulith.ApplicationModule(displayName = "Base", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gateboard.base;

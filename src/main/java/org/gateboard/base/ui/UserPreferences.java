package org.gateboard.base.ui;

import java.util.Locale;
import java.util.Optional;

/**
 * What the shell needs to know of the signed-in person, implemented by the security feature (which
 * base must not depend on).
 */
public interface UserPreferences {

    Optional<Locale> preferredLocale(String username);

    void savePreferredLocale(String username, Locale locale);

    String displayName(String username);
}

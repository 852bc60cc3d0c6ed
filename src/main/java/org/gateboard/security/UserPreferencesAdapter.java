package org.gateboard.security;

import org.gateboard.base.ui.UserPreferences;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

@Component
class UserPreferencesAdapter implements UserPreferences {

    private final UserService users;

    UserPreferencesAdapter(UserService users) {
        this.users = users;
    }

    @Override
    public Optional<Locale> preferredLocale(String username) {
        return users.signedInUser(username).map(SignedInUser::locale);
    }

    @Override
    public void savePreferredLocale(String username, Locale locale) {
        users.saveLocale(username, locale);
    }

    @Override
    public String displayName(String username) {
        return users.signedInUser(username).map(SignedInUser::displayName).orElse(username);
    }
}

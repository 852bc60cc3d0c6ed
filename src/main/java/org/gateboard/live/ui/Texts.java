package org.gateboard.live.ui;

/** The view's translations, handed to the parts it is built of. */
@FunctionalInterface
interface Texts {
    String get(String key, Object... args);
}

package org.jope.autoconfigure;

import org.jope.core.views.View;

/** A bean of this type adds a named view, reachable on every object as {@code /path/@@name}. */
public record ViewRegistration(String name, View view) {
}

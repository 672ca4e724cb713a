package org.jope.demo.instance;

/**
 * One {@code jope.*} property as its configuration metadata documents it.
 *
 * @param defaultValue the default as JSON typed it (a String, Boolean, Number or List), or null when the metadata
 * names none
 */
public record JopeProperty(String name, String description, Object defaultValue) {

}

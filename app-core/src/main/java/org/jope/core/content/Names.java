package org.jope.core.content;

import org.jope.core.errors.BadRequest;

/** The rules for object names, checked before anything is written. */
public final class Names {

    public static final int MAX_LENGTH = 255;

    private Names() {
    }

    public static String requireValid(String name) {
        if (name == null || name.isEmpty()) {
            throw new BadRequest("A name must not be empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new BadRequest("A name must be at most " + MAX_LENGTH + " characters, not " + name.length());
        }
        if (name.equals(".") || name.equals("..")) {
            throw new BadRequest("A name must not be '.' or '..'");
        }
        if (name.startsWith("@@")) {
            throw new BadRequest("A name must not start with '@@', which marks a view");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                throw new BadRequest("A name must not contain '/' or '\\'");
            }
            if (Character.isISOControl(c)) {
                throw new BadRequest("A name must not contain control characters");
            }
        }
        return name;
    }

}

package org.jope.core.content;

import java.util.Locale;
import java.util.Map;

import org.jope.core.errors.BadRequest;

/**
 * The rules for object names, checked before anything is written: Zope's (OFS.ObjectManager.checkValidId), and no
 * character that would make a name look like another one. Each refusal says which rule the name broke.
 */
public final class Names {

    public static final int MAX_LENGTH = 255;

    /**
     * Names that mean something else in a path. The first is {@code RequestPath.DEFAULT_VIEW}: a path that ends in it
     * addresses the folder's default view, so an object of that name could be neither read nor deleted.
     */
    private static final Map<String, String> RESERVED = Map.of(
            "index_html", "A name must not be 'index_html', the name of the default view",
            "REQUEST", "A name must not be 'REQUEST', which Zope reserves for the request");

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
        String reserved = RESERVED.get(name);
        if (reserved != null) {
            throw new BadRequest(reserved);
        }
        if (name.startsWith("@@") || name.startsWith("++")) {
            throw new BadRequest("A name must not start with '@@' or '++', which mark views and namespaces");
        }
        if (name.startsWith("_")) {
            throw new BadRequest("A name must not start with '_', which Zope keeps for private attributes");
        }
        if (name.startsWith("aq_")) {
            throw new BadRequest("A name must not start with 'aq_', which Zope keeps for acquisition");
        }
        if (name.endsWith("__")) {
            throw new BadRequest("A name must not end with '__', which Zope keeps for special names");
        }
        requireVisibleCharacters(name);
        return name;
    }

    private static void requireVisibleCharacters(String name) {
        boolean onlyWhitespace = true;
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
            int c = name.codePointAt(i);
            if (c == '/' || c == '\\') {
                throw new BadRequest("A name must not contain '/' or '\\'");
            }
            switch (Character.getType(c)) {
                case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
                    throw new BadRequest("A name must not contain control characters or line breaks, such as the "
                            + codePoint(c) + " in this one");
                case Character.FORMAT ->
                    throw new BadRequest("A name must not contain invisible format characters (Unicode category "
                            + "Cf, such as right-to-left overrides and zero-width spaces), such as the "
                            + codePoint(c) + " in this one");
                case Character.SURROGATE ->
                    throw new BadRequest("A name must be valid Unicode; this one holds a lone surrogate, "
                            + codePoint(c));
                default -> {
                }
            }
            onlyWhitespace &= Character.isWhitespace(c) || Character.isSpaceChar(c);
        }
        if (onlyWhitespace) {
            throw new BadRequest("A name must not be only whitespace");
        }
    }

    private static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

}

package org.jope.core.content;

/** The three kinds of content, as stored in the kind column. */
public enum ContentKind {

    FOLDER, PAGE, FILE;

    public String columnValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ContentKind fromColumn(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

}

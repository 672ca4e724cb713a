package org.jope.core.content;

/** A document with a title and a body that is either HTML or plain text. */
public record Page(long oid, long serial, String name, String title, String contentType, String body)
        implements ContentObject {

    public static final String HTML = "text/html";

    public static final String PLAIN_TEXT = "text/plain";

    public boolean isHtml() {
        return HTML.equals(contentType);
    }

    @Override
    public ContentKind kind() {
        return ContentKind.PAGE;
    }

}

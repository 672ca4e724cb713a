package org.jope.core.content;

/** A document with a title and a body that is either HTML or plain text. */
public final class Page extends ContentObject {

    public static final String HTML = "text/html";

    public static final String PLAIN_TEXT = "text/plain";

    private final String contentType;

    private final String body;

    public Page(long oid, long serial, String name, String title, String contentType, String body, long modified) {
        super(oid, serial, name, title, modified, Long.toString(serial));
        this.contentType = contentType;
        this.body = body;
    }

    public String contentType() {
        return contentType;
    }

    public String body() {
        return body;
    }

    public boolean isHtml() {
        return HTML.equals(contentType);
    }

    @Override
    public ContentKind kind() {
        return ContentKind.PAGE;
    }

}

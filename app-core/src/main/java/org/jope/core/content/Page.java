package org.jope.core.content;

/** A document with a title and a body that is either HTML or plain text. */
public final class Page extends ContentObject {

    public static final String HTML = "text/html";

    public static final String PLAIN_TEXT = "text/plain";

    private final String contentType;

    private final String body;

    private final long modified;

    private final String etag;

    public Page(long oid, long serial, String name, String title, String contentType, String body, long modified) {
        super(oid, serial, name, title);
        this.contentType = contentType;
        this.body = body;
        this.modified = modified;
        this.etag = Long.toString(serial);
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

    /** A page's view shows only the page, so its serial tags it. */
    @Override
    public String etag() {
        return etag;
    }

    @Override
    public long modified() {
        return modified;
    }

    @Override
    public ContentKind kind() {
        return ContentKind.PAGE;
    }

}

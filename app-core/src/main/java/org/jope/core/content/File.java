package org.jope.core.content;

/** Bytes with a content type, served as they are. */
public record File(long oid, long serial, String name, String title, String contentType, byte[] data)
        implements ContentObject {

    @Override
    public ContentKind kind() {
        return ContentKind.FILE;
    }

}

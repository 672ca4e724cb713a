package org.jope.core.content;

/** Bytes with a content type, served as they are. */
public final class File extends ContentObject {

    private final String contentType;

    private final byte[] data;

    public File(long oid, long serial, String name, String title, String contentType, byte[] data, long modified) {
        super(oid, serial, name, title, modified, Long.toString(serial));
        this.contentType = contentType;
        this.data = data;
    }

    public String contentType() {
        return contentType;
    }

    /** The file's bytes; shared, so never to be changed. */
    public byte[] data() {
        return data;
    }

    @Override
    public ContentKind kind() {
        return ContentKind.FILE;
    }

}

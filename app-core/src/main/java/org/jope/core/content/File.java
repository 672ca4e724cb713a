package org.jope.core.content;

/** Bytes with a content type, served as they are. */
public final class File extends ContentObject {

    private final String contentType;

    private final byte[] data;

    private final long modified;

    private final String etag;

    public File(long oid, long serial, String name, String title, String contentType, byte[] data, long modified) {
        super(oid, serial, name, title);
        this.contentType = contentType;
        this.data = data;
        this.modified = modified;
        this.etag = Long.toString(serial);
    }

    public String contentType() {
        return contentType;
    }

    /** The file's bytes; shared, so never to be changed. */
    public byte[] data() {
        return data;
    }

    /** A file's view shows only the file, so its serial tags it. */
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
        return ContentKind.FILE;
    }

}

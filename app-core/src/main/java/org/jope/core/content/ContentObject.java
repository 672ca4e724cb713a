package org.jope.core.content;

/**
 * An object in the store, as one committed snapshot. Snapshots are immutable, so the object cache can hand the same
 * instance to every request without copying.
 */
public sealed interface ContentObject permits Folder, Page, File {

    long oid();

    /** The transaction id that last wrote this object; it changes on every write and detects conflicts. */
    long serial();

    String name();

    /** The value of the ETag header: it changes whenever the default view's output may change. */
    default long etag() {
        return serial();
    }

    ContentKind kind();

}

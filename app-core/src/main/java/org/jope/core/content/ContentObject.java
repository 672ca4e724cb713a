package org.jope.core.content;

/**
 * An object in the store, as one committed snapshot. Snapshots are immutable, so the object cache can hand the same
 * instance to every request without copying, and what is derived from one (its rendered default view) can be kept
 * with it: a new version of the object is a new snapshot.
 */
public abstract sealed class ContentObject permits Folder, Page, File {

    private final long oid;

    private final long serial;

    private final String name;

    private final String title;

    private final long modified;

    private final String etag;

    private volatile Object derived;

    /**
     * @param modified when the default view's output last changed, in milliseconds since the epoch; 0 for unknown
     * @param etag the default view's entity tag, without quotes
     */
    ContentObject(long oid, long serial, String name, String title, long modified, String etag) {
        this.oid = oid;
        this.serial = serial;
        this.name = name;
        this.title = title;
        this.modified = modified;
        this.etag = etag;
    }

    public final long oid() {
        return oid;
    }

    /** The transaction id that last wrote this object; it changes on every write and detects conflicts. */
    public final long serial() {
        return serial;
    }

    public final String name() {
        return name;
    }

    public final String title() {
        return title;
    }

    /**
     * The entity tag of the default view, without quotes: it changes whenever the default view's output may change.
     * A page's or a file's view shows only the object, so its serial tags it; a folder's is its own.
     */
    public final String etag() {
        return etag;
    }

    /** When the default view's output last changed, in milliseconds since the epoch; 0 when the store does not know. */
    public final long modified() {
        return modified;
    }

    public abstract ContentKind kind();

    /** What the layers above keep derived from this snapshot, or null while nothing is. */
    public final Object derived() {
        return derived;
    }

    /**
     * Keeps a value derived from this snapshot alone, such as its rendering. Two threads may both derive it; the
     * values are equal, so either may win.
     */
    public final void keepDerived(Object value) {
        this.derived = value;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[oid=" + oid + ", serial=" + serial + ", name=" + name + "]";
    }

}

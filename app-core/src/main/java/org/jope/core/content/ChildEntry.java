package org.jope.core.content;

/**
 * What a folder knows of one child: enough to list it and to traverse to it.
 *
 * @param oid the child's oid
 * @param boxedOid the same oid as a Long, made once, so that a lookup by it in the object cache allocates nothing
 * @param modified when the child was last written, in milliseconds since the epoch; 0 when unknown
 */
public record ChildEntry(long oid, Long boxedOid, String name, ContentKind kind, String title, long serial,
        long modified) {

    public ChildEntry(long oid, String name, ContentKind kind, String title, long serial, long modified) {
        this(oid, oid, name, kind, title, serial, modified);
    }

    public static ChildEntry of(ContentObject child) {
        return new ChildEntry(child.oid(), child.name(), child.kind(), child.title(), child.serial(),
                child.modified());
    }

}

package org.jope.core.content;

/** What a folder knows of one child: enough to list it and to traverse to it. */
public record ChildEntry(long oid, String name, ContentKind kind, String title, long serial) {

    public static ChildEntry of(ContentObject child, String title) {
        return new ChildEntry(child.oid(), child.name(), child.kind(), title, child.serial());
    }

}

package org.jope.core.content;

import java.util.List;

/** A container with ordered children. */
public final class Folder extends ContentObject {

    private final ChildList children;

    /** The sum of the children's serials, which the entity tag is made of. */
    private final long childSerials;

    /** A folder as read from the store; {@code modified} is when the folder's own row was last written. */
    public Folder(long oid, long serial, String name, String title, long modified, List<ChildEntry> children) {
        this(oid, serial, name, title, modified, ChildList.of(children));
    }

    private Folder(long oid, long serial, String name, String title, long ownModified, ChildList children) {
        this(oid, serial, name, title, children, sumOfSerials(children), newest(ownModified, children));
    }

    private Folder(long oid, long serial, String name, String title, ChildList children, long childSerials,
            long modified) {
        super(oid, serial, name, title, modified, tag(serial, childSerials));
        this.children = children;
        this.childSerials = childSerials;
    }

    /** The children in order. */
    public List<ChildEntry> children() {
        return children;
    }

    public ChildEntry child(String childName) {
        return children.byName(childName);
    }

    /** This folder after a transaction with the given serial, at the given time, added a child at the end. */
    public Folder withChildAdded(ChildEntry added, long newSerial, long modifiedAt) {
        return new Folder(oid(), newSerial, name(), title(), children.plus(added), childSerials + added.serial(),
                Math.max(modified(), Math.max(modifiedAt, added.modified())));
    }

    /** This folder after a transaction with the given serial, at the given time, removed a child. */
    public Folder withChildRemoved(long childOid, long newSerial, long modifiedAt) {
        return new Folder(oid(), newSerial, name(), title(), modifiedAt, children.minus(childOid));
    }

    @Override
    public ContentKind kind() {
        return ContentKind.FOLDER;
    }

    @Override
    public String toString() {
        return super.toString() + "[" + children.size() + " children]";
    }

    /**
     * A listing shows the children's titles, so a change to any child changes this folder's representation. The tag
     * is the folder's own serial, which every added or removed child changes, and the sum of its children's serials:
     * a write gives a child a newer transaction id than the one it replaces, so the sum grows with every change to a
     * child. The newest serial alone would not do: transaction ids are taken at a transaction's first write, so a
     * transaction that commits later may carry an older one.
     */
    private static String tag(long serial, long childSerials) {
        return serial + "-" + Long.toHexString(childSerials);
    }

    private static long sumOfSerials(List<ChildEntry> children) {
        long sum = 0;
        for (ChildEntry child : children) {
            sum += child.serial();
        }
        return sum;
    }

    private static long newest(long ownModified, List<ChildEntry> children) {
        long newest = ownModified;
        for (ChildEntry child : children) {
            newest = Math.max(newest, child.modified());
        }
        return newest;
    }

}

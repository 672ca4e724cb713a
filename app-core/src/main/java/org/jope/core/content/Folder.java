package org.jope.core.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container with ordered children. */
public record Folder(long oid, long serial, String name, String title, List<ChildEntry> children,
        Map<String, ChildEntry> childrenByName) implements ContentObject {

    public Folder(long oid, long serial, String name, String title, List<ChildEntry> children) {
        this(oid, serial, name, title, List.copyOf(children), indexByName(children));
    }

    public ChildEntry child(String childName) {
        return childrenByName.get(childName);
    }

    /** This folder after a transaction with the given serial added a child at the end. */
    public Folder withChildAdded(ChildEntry added, long newSerial) {
        List<ChildEntry> more = new ArrayList<>(children);
        more.add(added);
        return new Folder(oid, newSerial, name, title, more);
    }

    /** This folder after a transaction with the given serial removed a child. */
    public Folder withChildRemoved(long childOid, long newSerial) {
        List<ChildEntry> fewer = new ArrayList<>(children);
        fewer.removeIf((child) -> child.oid() == childOid);
        return new Folder(oid, newSerial, name, title, fewer);
    }

    /** A listing shows the children's titles, so a change to any child changes this folder's representation. */
    @Override
    public long etag() {
        long newest = serial;
        for (ChildEntry child : children) {
            newest = Math.max(newest, child.serial());
        }
        return newest;
    }

    @Override
    public ContentKind kind() {
        return ContentKind.FOLDER;
    }

    private static Map<String, ChildEntry> indexByName(List<ChildEntry> children) {
        Map<String, ChildEntry> byName = new LinkedHashMap<>();
        for (ChildEntry child : children) {
            byName.put(child.name(), child);
        }
        return Map.copyOf(byName);
    }

}

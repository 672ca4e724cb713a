package org.jope.core.traversal;

import java.util.List;

import org.jope.core.content.ChildEntry;
import org.jope.core.content.ContentObject;
import org.jope.core.content.Folder;
import org.jope.core.errors.ConflictingState;
import org.jope.core.errors.NotFound;
import org.jope.core.http.RequestPath;
import org.jope.core.store.ObjectCache;
import org.jope.core.store.Transaction;

/** Walks from the root folder through the named children to the object a path addresses. */
public final class Traverser {

    private Traverser() {
    }

    public static Traversed traverse(Transaction transaction, RequestPath path) {
        Folder parent = null;
        ContentObject current = transaction.root();
        List<String> names = path.names();
        for (int i = 0; i < names.size(); i++) {
            if (!(current instanceof Folder folder)) {
                throw new NotFound(path.objectPath());
            }
            ChildEntry child = folder.child(names.get(i));
            ContentObject next = child == null ? null : transaction.load(child.oid());
            if (next == null) {
                throw new NotFound(path.objectPath());
            }
            parent = folder;
            current = next;
        }
        return new Traversed(current, parent, path);
    }

    /**
     * The object at the path when it and every folder on the way are in the cache; null otherwise, and then the
     * request takes the way through a transaction, which also answers what is not there.
     */
    public static ContentObject traverseCached(ObjectCache cache, RequestPath path) {
        ContentObject current = cache.root();
        List<String> names = path.names();
        for (int i = 0; i < names.size() && current != null; i++) {
            ChildEntry child = current instanceof Folder folder ? folder.child(names.get(i)) : null;
            current = child == null ? null : cache.get(child.boxedOid());
        }
        return current;
    }

    /** The folder that holds, or is to hold, the last name of the path. */
    public static Folder traverseToContainer(Transaction transaction, RequestPath path) {
        if (path.isRoot()) {
            throw new ConflictingState("The root folder cannot be replaced or removed");
        }
        Traversed container = traverse(transaction, path.parent());
        if (!(container.object() instanceof Folder folder)) {
            throw new ConflictingState(path.parent().objectPath() + " is not a folder");
        }
        return folder;
    }

}

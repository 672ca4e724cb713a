package org.jope.core.writes;

import org.jope.core.content.ContentObject;
import org.jope.core.content.Folder;
import org.jope.core.errors.ConflictingState;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.http.RequestPath;
import org.jope.core.store.Transaction;
import org.jope.core.traversal.Traversed;
import org.jope.core.traversal.Traverser;

/** {@code DELETE /path}; a folder that still has children goes only with {@code ?recursive=true}. */
final class DeleteObject {

    private DeleteObject() {
    }

    static Rendered handle(Transaction transaction, PublishRequest request) {
        RequestPath path = request.path();
        Traversed target = Traverser.traverse(transaction, path);
        if (target.parent() == null) {
            throw new ConflictingState("The root folder cannot be removed");
        }
        ContentObject object = target.object();
        if (object instanceof Folder folder && !folder.children().isEmpty()
                && !"true".equals(request.parameter("recursive"))) {
            throw new ConflictingState(path.objectPath() + " has " + folder.children().size()
                    + " children; add ?recursive=true to delete it with them");
        }
        WritePreconditions.check(request, object, path.objectPath());
        transaction.delete(target.parent(), object, path.objectPath());
        return Rendered.empty(204);
    }

}

package org.jope.core.writes;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.jope.core.content.ContentKind;
import org.jope.core.content.ContentObject;
import org.jope.core.content.File;
import org.jope.core.content.Folder;
import org.jope.core.content.Names;
import org.jope.core.content.Page;
import org.jope.core.errors.ConflictingState;
import org.jope.core.errors.MethodNotAllowed;
import org.jope.core.errors.PreconditionFailed;
import org.jope.core.http.EntityTags;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.http.RequestBody;
import org.jope.core.http.RequestPath;
import org.jope.core.store.NewContent;
import org.jope.core.store.Transaction;
import org.jope.core.traversal.Traverser;

/**
 * {@code PUT /path}: creates or replaces a page (for text/html and text/plain bodies) or a file (anything else). An
 * If-Match header that names an older serial is refused, so a stale editor never overwrites a newer version.
 */
final class PutContent {

    private static final Set<String> PAGE_TYPES = Set.of("text/html", "text/plain");

    private PutContent() {
    }

    static Rendered handle(Transaction transaction, PublishRequest request) {
        RequestPath path = request.path();
        if (path.view() != null) {
            throw new MethodNotAllowed("PUT", "GET, HEAD");
        }
        Folder container = Traverser.traverseToContainer(transaction, path);
        String name = Names.requireValid(path.lastName());
        ContentObject existing = container.child(name) == null ? null
                : transaction.load(container.child(name).oid());
        String ifMatch = request.header("If-Match");
        if (existing instanceof Folder) {
            throw new ConflictingState(path.objectPath() + " is a folder; PUT replaces only pages and files");
        }
        if (ifMatch != null && (existing == null || !EntityTags.matches(ifMatch, EntityTags.of(existing.etag())))) {
            throw new PreconditionFailed("If-Match " + ifMatch + " does not name the current version of "
                    + path.objectPath() + (existing == null ? ", which does not exist" : ""));
        }
        NewContent content = contentOf(request.body(), titleFor(request, existing, name));
        if (existing == null) {
            transaction.createChild(container, name, content, path.objectPath());
            return Rendered.text(201, "Created " + path.objectPath() + "\n")
                    .withHeader("Location", path.objectPath());
        }
        long serial = transaction.replace(container, existing, content, path.objectPath());
        return Rendered.text(200, "Replaced " + path.objectPath() + "\n").withHeader("ETag",
                EntityTags.of(Long.toString(serial)));
    }

    private static NewContent contentOf(RequestBody body, String title) {
        if (PAGE_TYPES.contains(body.mimeType())) {
            // Pages are stored as UTF-8 whatever charset they arrived in.
            return new NewContent(ContentKind.PAGE, title, body.mimeType(),
                    body.text().getBytes(StandardCharsets.UTF_8));
        }
        return new NewContent(ContentKind.FILE, title, body.mimeType(), body.bytes());
    }

    private static String titleFor(PublishRequest request, ContentObject existing, String name) {
        String title = request.parameter("title");
        if (title != null) {
            return title;
        }
        if (existing instanceof Page page) {
            return page.title();
        }
        if (existing instanceof File file) {
            return file.title();
        }
        return name;
    }

}

package org.jope.core.writes;

import java.util.Set;

import org.jope.core.content.ContentKind;
import org.jope.core.content.ContentObject;
import org.jope.core.content.ContentTypes;
import org.jope.core.content.File;
import org.jope.core.content.Folder;
import org.jope.core.content.Names;
import org.jope.core.content.Page;
import org.jope.core.errors.ConflictingState;
import org.jope.core.http.EntityTags;
import org.jope.core.http.HeaderValues;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.http.RequestBody;
import org.jope.core.http.RequestPath;
import org.jope.core.store.NewContent;
import org.jope.core.store.Transaction;
import org.jope.core.traversal.Traverser;

/**
 * {@code PUT /path}: creates or replaces a page (for text/html and text/plain bodies) or a file (anything else). An
 * If-Match header that names an older version is refused, so a stale editor never overwrites a newer one.
 */
final class PutContent {

    private static final Set<String> PAGE_TYPES = Set.of("text/html", "text/plain");

    /** A file sent without a content type is bytes, as RFC 9110 (section 8.3) has a recipient assume. */
    private static final String FILE_TYPE = "application/octet-stream";

    private PutContent() {
    }

    static Rendered handle(Transaction transaction, PublishRequest request) {
        RequestPath path = request.path();
        Folder container = Traverser.traverseToContainer(transaction, path);
        String name = Names.requireValid(path.lastName());
        ContentObject existing = container.child(name) == null ? null
                : transaction.load(container.child(name).oid());
        if (existing instanceof Folder) {
            throw new ConflictingState(path.objectPath() + " is a folder; PUT replaces only pages and files");
        }
        WritePreconditions.check(request, existing, path.objectPath());
        NewContent content = contentOf(request, titleFor(request, existing, name));
        if (existing == null) {
            transaction.createChild(container, name, content, path.objectPath());
            return Rendered.text(201, "Created " + path.objectPath() + "\n")
                    .withHeader("Location", HeaderValues.path(path.names()));
        }
        long serial = transaction.replace(container, existing, content, path.objectPath());
        return Rendered.text(200, "Replaced " + path.objectPath() + "\n").withHeader("ETag",
                EntityTags.of(Long.toString(serial)));
    }

    private static NewContent contentOf(PublishRequest request, String title) {
        String header = request.header("Content-Type");
        String contentType = header == null ? FILE_TYPE : ContentTypes.requireValid(header);
        RequestBody body = request.body();
        if (PAGE_TYPES.contains(body.mimeType())) {
            // Pages are stored as UTF-8 whatever charset they arrived in.
            return new NewContent(ContentKind.PAGE, title, body.mimeType(), body.utf8());
        }
        return new NewContent(ContentKind.FILE, title, contentType, body.bytes());
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

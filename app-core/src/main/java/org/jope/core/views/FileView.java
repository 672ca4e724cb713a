package org.jope.core.views;

import org.jope.core.content.File;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.traversal.Traversed;

/** A file's default view: its bytes, with its own content type. */
final class FileView implements SnapshotView {

    @Override
    public Rendered render(Traversed traversed, PublishRequest request) {
        File file = (File) traversed.object();
        return Rendered.of(200, file.contentType(), file.data()).withHeader("X-Content-Type-Options", "nosniff");
    }

}

package org.jope.core.views;

import org.jope.core.content.File;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.traversal.Traversed;

/** A file's default view: its bytes, with its own content type and the headers that keep an upload harmless. */
final class FileView implements SnapshotView {

    @Override
    public Rendered render(Traversed traversed, PublishRequest request) {
        File file = (File) traversed.object();
        return UploadedFileHeaders.on(Rendered.of(200, UploadedFileHeaders.contentType(file), file.data()), file);
    }

}

package org.jope.core.views;

import java.util.Map;

import org.jope.core.content.File;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.traversal.Traversed;

/** A file's default view: its bytes, with its own content type. */
final class FileView implements View {

    @Override
    public Rendered render(Traversed traversed, PublishRequest request) {
        File file = (File) traversed.object();
        return new Rendered(200, file.contentType(), file.data(), Map.of("X-Content-Type-Options", "nosniff"));
    }

}

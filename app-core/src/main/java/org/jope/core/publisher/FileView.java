package org.jope.core.publisher;

import java.util.Map;

import org.jope.core.content.File;

/** A file's default view: its bytes, with its own content type. */
final class FileView implements View {

    @Override
    public Rendered render(Traversed traversed, PublishRequest request) {
        File file = (File) traversed.object();
        return new Rendered(200, file.contentType(), file.data(), Map.of("X-Content-Type-Options", "nosniff"));
    }

}

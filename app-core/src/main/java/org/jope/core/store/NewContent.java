package org.jope.core.store;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jope.core.content.ContentKind;
import org.jope.core.content.ContentObject;
import org.jope.core.content.File;
import org.jope.core.content.Folder;
import org.jope.core.content.Page;

/** The state that a write gives an object; the store assigns its oid and serial. */
public record NewContent(ContentKind kind, String title, String contentType, byte[] body) {

    public static NewContent folder(String title) {
        return new NewContent(ContentKind.FOLDER, title, null, null);
    }

    /** An HTML page, stored as UTF-8. */
    public static NewContent page(String title, String html) {
        return new NewContent(ContentKind.PAGE, title, Page.HTML, html.getBytes(StandardCharsets.UTF_8));
    }

    /** The snapshot of the object once written, the same as loading it back would give. */
    ContentObject snapshot(long oid, long serial, String name, long modified) {
        return switch (kind) {
            case FOLDER -> new Folder(oid, serial, name, title, modified, List.of());
            case PAGE -> new Page(oid, serial, name, title, contentType, new String(body, StandardCharsets.UTF_8),
                    modified);
            case FILE -> new File(oid, serial, name, title, contentType, body, modified);
        };
    }

}

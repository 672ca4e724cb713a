package org.jope.core.store;

import java.nio.charset.StandardCharsets;

import org.jope.core.content.ContentKind;
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

}

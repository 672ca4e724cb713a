package org.jope.core.store;

import org.jope.core.content.ContentKind;

/** The state that a write gives an object; the store assigns its oid and serial. */
public record NewContent(ContentKind kind, String title, String contentType, byte[] body) {

    public static NewContent folder(String title) {
        return new NewContent(ContentKind.FOLDER, title, null, null);
    }

}

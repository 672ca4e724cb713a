package org.jope.core.publisher;

import org.jope.core.content.ContentObject;
import org.jope.core.content.Folder;

/** Where traversal ended: the object, the folder that holds it (null for the root), and the request path. */
public record Traversed(ContentObject object, Folder parent, RequestPath path) {
}

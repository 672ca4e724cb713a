package org.jope.core.traversal;

import org.jope.core.content.ContentObject;
import org.jope.core.content.Folder;
import org.jope.core.http.RequestPath;

/** Where traversal ended: the object, the folder that holds it (null for the root), and the request path. */
public record Traversed(ContentObject object, Folder parent, RequestPath path) {
}

package org.jope.core.views;

import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.traversal.Traversed;

/** Renders a traversed object, like a Zope browser view. */
@FunctionalInterface
public interface View {

    Rendered render(Traversed traversed, PublishRequest request);

}

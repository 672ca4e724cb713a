package org.jope.core.publisher;

/** Renders a traversed object, like a Zope browser view. */
@FunctionalInterface
public interface View {

    Rendered render(Traversed traversed, PublishRequest request);

}

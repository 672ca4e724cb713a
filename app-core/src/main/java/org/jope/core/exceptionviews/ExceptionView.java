package org.jope.core.exceptionviews;

import org.jope.core.http.Rendered;

/** Turns an exception into a response, like a Zope exception view. */
@FunctionalInterface
public interface ExceptionView<E extends Throwable> {

    Rendered render(E error, ErrorReport report);

}

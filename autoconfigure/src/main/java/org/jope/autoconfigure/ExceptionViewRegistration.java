package org.jope.autoconfigure;

import org.jope.core.exceptionviews.ExceptionView;
import org.jope.core.exceptionviews.ExceptionViews;

/** A bean of this type adds an exception view, or replaces the standard one for the same exception class. */
public record ExceptionViewRegistration<E extends Throwable>(Class<E> type, ExceptionView<? super E> view) {

    void registerIn(ExceptionViews views) {
        views.register(type, view);
    }

}

package org.jope.core.views;

import jakarta.servlet.http.HttpServletRequest;

import org.jope.core.http.ConditionalGet;
import org.jope.core.http.Rendered;

/** A snapshot view's answer, as kept with the snapshot: the 200 with its validators, and the 304 that stands for it. */
record KeptAnswer(Rendered ok, Rendered notModified) {

    KeptAnswer(Rendered ok) {
        this(ok, ok.notModified());
    }

    Rendered answer(HttpServletRequest request) {
        return ConditionalGet.notModified(request, ok) ? notModified : ok;
    }

}

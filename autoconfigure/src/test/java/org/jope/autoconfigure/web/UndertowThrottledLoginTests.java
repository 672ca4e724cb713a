package org.jope.autoconfigure.web;

class UndertowThrottledLoginTests extends ThrottledLoginContract {

    @Override
    String type() {
        return "undertow";
    }

}

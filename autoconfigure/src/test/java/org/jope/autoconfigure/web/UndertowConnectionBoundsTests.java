package org.jope.autoconfigure.web;

class UndertowConnectionBoundsTests extends ConnectionBoundsContract {

    @Override
    String type() {
        return "undertow";
    }

}

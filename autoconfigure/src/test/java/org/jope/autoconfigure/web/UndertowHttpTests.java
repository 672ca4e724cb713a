package org.jope.autoconfigure.web;

class UndertowHttpTests extends HttpContract {

    @Override
    String type() {
        return "undertow";
    }

}

package org.jope.autoconfigure.web;

class UndertowSlowClientTests extends SlowClientContract {

    @Override
    String type() {
        return "undertow";
    }

    @Override
    boolean answersBeforeTheBody() {
        return false;
    }

}

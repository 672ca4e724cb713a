package org.jope.autoconfigure.web;

class JettyConnectionBoundsTests extends ConnectionBoundsContract {

    @Override
    String type() {
        return "jetty";
    }

}

package org.jope.autoconfigure.web;

class JettySlowClientTests extends SlowClientContract {

    @Override
    String type() {
        return "jetty";
    }

}

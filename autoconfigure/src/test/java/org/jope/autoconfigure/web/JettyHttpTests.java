package org.jope.autoconfigure.web;

class JettyHttpTests extends HttpContract {

    @Override
    String type() {
        return "jetty";
    }

}

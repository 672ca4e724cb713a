package org.jope.autoconfigure.web;

class JettyMalformedRequestTests extends MalformedRequestContract {

    @Override
    String type() {
        return "jetty";
    }

}

package org.jope.autoconfigure.web;

class JettyThrottledLoginTests extends ThrottledLoginContract {

    @Override
    String type() {
        return "jetty";
    }

}

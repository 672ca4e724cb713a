package org.jope.autoconfigure.web;

class TomcatHttpTests extends HttpContract {

    @Override
    String type() {
        return "tomcat";
    }

}

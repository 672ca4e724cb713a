package org.jope.autoconfigure.web;

class TomcatMalformedRequestTests extends MalformedRequestContract {

    @Override
    String type() {
        return "tomcat";
    }

}

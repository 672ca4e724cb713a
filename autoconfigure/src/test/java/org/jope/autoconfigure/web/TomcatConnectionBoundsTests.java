package org.jope.autoconfigure.web;

class TomcatConnectionBoundsTests extends ConnectionBoundsContract {

    @Override
    String type() {
        return "tomcat";
    }

}

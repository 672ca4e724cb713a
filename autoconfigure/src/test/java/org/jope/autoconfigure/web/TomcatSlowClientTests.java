package org.jope.autoconfigure.web;

class TomcatSlowClientTests extends SlowClientContract {

    @Override
    String type() {
        return "tomcat";
    }

}

package org.jope.autoconfigure.web;

class TomcatThrottledLoginTests extends ThrottledLoginContract {

    @Override
    String type() {
        return "tomcat";
    }

}

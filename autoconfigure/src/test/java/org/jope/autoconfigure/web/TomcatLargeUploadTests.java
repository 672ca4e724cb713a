package org.jope.autoconfigure.web;

class TomcatLargeUploadTests extends LargeUploadContract {

    @Override
    String type() {
        return "tomcat";
    }

}

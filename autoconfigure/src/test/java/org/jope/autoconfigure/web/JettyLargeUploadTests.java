package org.jope.autoconfigure.web;

class JettyLargeUploadTests extends LargeUploadContract {

    @Override
    String type() {
        return "jetty";
    }

    @Override
    boolean takesTheBudgetAsBytesArrive() {
        return true;
    }

}

package org.jope.autoconfigure.web;

class UndertowLargeUploadTests extends LargeUploadContract {

    @Override
    String type() {
        return "undertow";
    }

    @Override
    boolean buffersSmallBodiesBeforeDispatch() {
        return true;
    }

}

package org.jope.autoconfigure.web;

class UndertowMalformedRequestTests extends MalformedRequestContract {

    @Override
    String type() {
        return "undertow";
    }

    @Override
    boolean answersAMalformedChunk() {
        return false;
    }

    @Override
    boolean refusesABareCr() {
        return false;
    }

}

package org.jope.autoconfigure.web;

class UndertowMalformedRequestTests extends MalformedRequestContract {

    @Override
    String type() {
        return "undertow";
    }

    @Override
    boolean logsAHeadItsParserRefuses() {
        return false;
    }

}

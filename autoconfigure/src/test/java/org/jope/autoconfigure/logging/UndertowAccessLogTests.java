package org.jope.autoconfigure.logging;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "jope.server.type=undertow")
class UndertowAccessLogTests extends AccessLogContract {

    @Override
    String type() {
        return "undertow";
    }

    @Override
    boolean logsRequestsItCannotParse() {
        return false;
    }

    @Override
    String userOfAnAbandonedUpload() {
        return "-";
    }

}

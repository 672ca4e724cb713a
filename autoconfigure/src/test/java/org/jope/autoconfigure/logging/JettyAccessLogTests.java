package org.jope.autoconfigure.logging;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "jope.server.type=jetty")
class JettyAccessLogTests extends AccessLogContract {

    @Override
    String type() {
        return "jetty";
    }

    @Override
    boolean logsRequestsItCannotParse() {
        return true;
    }

}

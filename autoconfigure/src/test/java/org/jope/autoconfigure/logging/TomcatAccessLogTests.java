package org.jope.autoconfigure.logging;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "jope.server.type=tomcat")
class TomcatAccessLogTests extends AccessLogContract {

    @Override
    String type() {
        return "tomcat";
    }

    @Override
    boolean logsRequestsItCannotParse() {
        return true;
    }

}

package org.jope.autoconfigure.logging;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "jope.server.type=tomcat")
class TomcatErrorCaptureTests extends ErrorCaptureContract {

}

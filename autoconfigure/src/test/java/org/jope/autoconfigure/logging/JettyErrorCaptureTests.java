package org.jope.autoconfigure.logging;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "jope.server.type=jetty")
class JettyErrorCaptureTests extends ErrorCaptureContract {

}

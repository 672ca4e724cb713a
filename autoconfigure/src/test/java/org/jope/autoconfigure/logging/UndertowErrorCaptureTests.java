package org.jope.autoconfigure.logging;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "jope.server.type=undertow")
class UndertowErrorCaptureTests extends ErrorCaptureContract {

}

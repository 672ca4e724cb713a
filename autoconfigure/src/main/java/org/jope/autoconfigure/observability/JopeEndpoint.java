package org.jope.autoconfigure.observability;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/jope}: the effective server type, threads and pool size, the threads-vs-pool verdict, the store
 * (its URL without a password), the cache and the debug flags. Like most endpoints it is exposed over HTTP only when
 * management.endpoints.web.exposure.include names it.
 */
@Endpoint(id = "jope")
public class JopeEndpoint {

    private final JopeStatusReader status;

    public JopeEndpoint(JopeStatusReader status) {
        this.status = status;
    }

    @ReadOperation
    public JopeStatus jope() {
        return status.read();
    }

}

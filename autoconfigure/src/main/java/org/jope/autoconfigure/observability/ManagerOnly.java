package org.jope.autoconfigure.observability;

import org.jope.core.errors.Unauthorized;
import org.jope.core.http.PublishRequest;

/**
 * The status views show the store's location and the site's load, which are for its managers: everyone in the
 * inituser file is a manager, so any authenticated user passes, and anyone else is challenged.
 */
final class ManagerOnly {

    private ManagerOnly() {
    }

    static void require(PublishRequest request) {
        if (!request.isAuthenticated()) {
            throw new Unauthorized("The status page is for the site's managers.");
        }
    }

}

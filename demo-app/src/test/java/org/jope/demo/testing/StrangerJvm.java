package org.jope.demo.testing;

import java.util.concurrent.TimeUnit;

/**
 * A JVM that is not a Jope site, only waiting to be killed: after a crash and a reboot, such a program may hold the
 * pid that a stale var/jope.pid names, and the control script must leave it alone.
 */
public final class StrangerJvm {

    private StrangerJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        TimeUnit.MINUTES.sleep(10);
    }

}

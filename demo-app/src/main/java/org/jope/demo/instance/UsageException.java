package org.jope.demo.instance;

/** A command line that cannot be run as given; it ends with exit code {@link InstanceCommand#USAGE}. */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

}

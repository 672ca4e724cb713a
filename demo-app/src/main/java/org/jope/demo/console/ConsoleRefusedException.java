package org.jope.demo.console;

/** The console cannot open this instance; the message says why and what to do, and nothing has been opened. */
class ConsoleRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    ConsoleRefusedException(String message) {
        super(message);
    }

}

package org.jope.demo.console;

/** A script that cannot be run as written; the message names the script and the line. */
class ScriptException extends Exception {

    private static final long serialVersionUID = 1L;

    ScriptException(String message) {
        super(message);
    }

}

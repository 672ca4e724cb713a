package org.jope.demo.instance;

import java.io.Console;
import java.io.PrintStream;
import java.util.Arrays;

/** Asks the person at the terminal. Tests answer with their own implementation, since {@link Console} is final. */
public interface Prompter {

    /** The line typed, or null at the end of input. */
    String readLine(String prompt);

    /** The password typed, without echo, or null at the end of input. */
    char[] readPassword(String prompt);

    /**
     * Asks for a new password twice, as mkwsgiinstance does, until both agree and are not empty. Null when the input
     * ends first. Rejected attempts are wiped, so that no stray copy of a password stays in memory.
     */
    default char[] readNewPassword(PrintStream messages) {
        while (true) {
            char[] password = readPassword("Password: ");
            if (password == null) {
                return null;
            }
            char[] verify = readPassword("Verify password: ");
            if (verify == null) {
                Arrays.fill(password, '\0');
                return null;
            }
            boolean agree = Arrays.equals(password, verify);
            Arrays.fill(verify, '\0');
            if (agree && password.length > 0) {
                return password;
            }
            Arrays.fill(password, '\0');
            messages.println(agree ? "The password must not be empty, please try again."
                    : "Password mismatch, please try again.");
        }
    }

    static Prompter of(Console console) {
        return new Prompter() {

            @Override
            public String readLine(String prompt) {
                return console.readLine("%s", prompt);
            }

            @Override
            public char[] readPassword(String prompt) {
                return console.readPassword("%s", prompt);
            }

        };
    }

}

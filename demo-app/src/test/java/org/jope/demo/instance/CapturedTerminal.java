package org.jope.demo.instance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A terminal whose output the test reads and whose answers, if any, the test scripts in advance. */
final class CapturedTerminal {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private final Deque<String> answers;

    private final boolean interactive;

    private CapturedTerminal(List<String> answers, boolean interactive) {
        this.answers = new ArrayDeque<>(answers);
        this.interactive = interactive;
    }

    /** Like a service or a pipe: nobody to ask. */
    static CapturedTerminal withoutConsole() {
        return new CapturedTerminal(List.of(), false);
    }

    /** A person who types these answers, in order, and then ends the input. */
    static CapturedTerminal answering(String... answers) {
        return new CapturedTerminal(List.of(answers), true);
    }

    Terminal terminal() {
        Prompter prompter = new Prompter() {

            @Override
            public String readLine(String prompt) {
                return answers.poll();
            }

            @Override
            public char[] readPassword(String prompt) {
                String answer = answers.poll();
                return (answer != null) ? answer.toCharArray() : null;
            }

        };
        return new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), interactive ? prompter : null);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    int unusedAnswers() {
        return answers.size();
    }

}

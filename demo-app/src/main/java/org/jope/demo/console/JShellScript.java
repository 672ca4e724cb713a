package org.jope.demo.console;

import java.util.ArrayList;
import java.util.List;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * A script of Java snippets, as a {@code .jsh} file holds them, cut into the snippets that JShell evaluates one by
 * one, each with the line it starts on. It is read line by line, as the jshell tool reads its input, so that a line
 * that starts with {@code /} between snippets is a command: {@code /exit} and {@code /exit N} end the script, and
 * any other command is refused, since a script has no console to run it in.
 */
final class JShellScript {

    private final List<Step> steps;

    private JShellScript(List<Step> steps) {
        this.steps = steps;
    }

    /**
     * @param origin names the script in messages, such as its file's path
     * @throws ScriptException for a command other than /exit, or a snippet that the script ends inside
     */
    static JShellScript parse(String origin, String text, SourceCodeAnalysis analysis) throws ScriptException {
        List<Step> steps = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int pendingLine = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i];
            String stripped = line.strip();
            if (pending.isEmpty() && isCommand(stripped)) {
                steps.add(Exit.parse(origin, stripped, number));
                continue;
            }
            if (pending.isEmpty()) {
                pendingLine = number;
            }
            pending.append(line).append('\n');
            while (!pending.isEmpty()) {
                CompletionInfo info = analysis.analyzeCompletion(pending.toString());
                if (info.completeness() == Completeness.EMPTY) {
                    pending.setLength(0);
                }
                else if (!info.completeness().isComplete()) {
                    break;
                }
                else if (info.remaining().length() >= pending.length()) {
                    // Nothing consumed: take the rest as it stands, and let JShell say what is wrong with it.
                    steps.add(new Snippet(origin, pending.toString(), pendingLine));
                    pending.setLength(0);
                }
                else {
                    steps.add(new Snippet(origin, info.source(), pendingLine));
                    String consumed = pending.substring(0, pending.length() - info.remaining().length());
                    pendingLine += (int) consumed.chars().filter((c) -> c == '\n').count();
                    pending.setLength(0);
                    if (!info.remaining().isBlank()) {
                        pending.append(info.remaining());
                    }
                }
            }
        }
        if (!pending.isEmpty()) {
            CompletionInfo info = analysis.analyzeCompletion(pending.toString());
            if (info.completeness() == Completeness.DEFINITELY_INCOMPLETE) {
                throw new ScriptException(origin + ":" + pendingLine + ": the script ends inside this snippet; "
                        + "a brace, bracket or quote is not closed");
            }
            // Considered incomplete only for the want of a semicolon, which JShell supplies.
            steps.add(new Snippet(origin, pending.toString(), pendingLine));
        }
        return new JShellScript(List.copyOf(steps));
    }

    List<Step> steps() {
        return steps;
    }

    /** A comment starts with a slash too, but is not a command. */
    private static boolean isCommand(String stripped) {
        return stripped.startsWith("/") && !stripped.startsWith("//") && !stripped.startsWith("/*");
    }

    /** One thing the script does: evaluate a snippet, or exit. */
    sealed interface Step permits Snippet, Exit {

        /** The line of the script that the step starts on. */
        int line();

    }

    /** Java source that JShell evaluates as one snippet; its own line 1 is line {@code line} of {@code origin}. */
    record Snippet(String origin, String source, int line) implements Step {
    }

    /** {@code /exit} or {@code /exit N}: the script ends here, with that exit code. */
    record Exit(int code, int line) implements Step {

        static Exit parse(String origin, String command, int line) throws ScriptException {
            String[] words = command.split("\\s+");
            if (!words[0].equals("/exit") || words.length > 2) {
                throw new ScriptException(origin + ":" + line + ": " + command + " is a command of the interactive "
                        + "console; a script takes Java snippets, and /exit or /exit N to end");
            }
            try {
                return new Exit((words.length == 2) ? Integer.parseInt(words[1]) : 0, line);
            }
            catch (NumberFormatException ex) {
                throw new ScriptException(origin + ":" + line + ": /exit takes a whole number, not " + words[1]);
            }
        }

    }

}

package org.jope.demo.console;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Evaluates scripts in one JShell, stopping at the first snippet that does not compile or that throws, and reports
 * it as the JVM reports an uncaught exception, with the script's own file and line in each frame of a snippet, so
 * that a person sees at once where in the script it failed.
 */
final class SnippetRunner {

    private final JShell shell;

    private final PrintStream err;

    /** Where each evaluated snippet came from, by JShell's snippet id: the frames of a trace name only the id. */
    private final Map<String, JShellScript.Snippet> sources = new HashMap<>();

    SnippetRunner(JShell shell, PrintStream err) {
        this.shell = shell;
        this.err = err;
    }

    /**
     * Runs the script's steps in order.
     *
     * @return the exit code: 0 when the script ran to its end, the code of its {@code /exit}, or 1 when a snippet
     * failed, after the failure has been reported
     */
    int run(JShellScript script) {
        for (JShellScript.Step step : script.steps()) {
            if (step instanceof JShellScript.Exit exit) {
                return exit.code();
            }
            if (!evaluate((JShellScript.Snippet) step)) {
                return 1;
            }
        }
        return 0;
    }

    private boolean evaluate(JShellScript.Snippet snippet) {
        List<SnippetEvent> events = shell.eval(snippet.source());
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                // An update of an earlier snippet that this one changed, not this snippet's own outcome.
                continue;
            }
            Snippet evaluated = event.snippet();
            sources.put(evaluated.id(), snippet);
            if (event.status() == Snippet.Status.REJECTED) {
                reportRejected(snippet, evaluated);
                return false;
            }
            if (event.exception() != null) {
                reportException(snippet, event.exception());
                return false;
            }
        }
        return true;
    }

    private void reportRejected(JShellScript.Snippet snippet, Snippet evaluated) {
        String origin = snippet.origin();
        List<Diag> diagnostics = shell.diagnostics(evaluated).toList();
        if (diagnostics.isEmpty()) {
            err.println(origin + ":" + snippet.line() + ": error: this snippet was rejected");
        }
        for (Diag diagnostic : diagnostics) {
            int line = snippet.line() + lineWithin(snippet.source(), (int) diagnostic.getStartPosition()) - 1;
            err.println(origin + ":" + line + ": " + (diagnostic.isError() ? "error: " : "warning: ")
                    + diagnostic.getMessage(Locale.ROOT));
        }
        err.println(indented(snippet.source()));
    }

    private void reportException(JShellScript.Snippet snippet, JShellException exception) {
        String origin = snippet.origin();
        if (exception instanceof UnresolvedReferenceException unresolved) {
            err.println(origin + ":" + snippet.line() + ": error: " + unresolved.getSnippet() + " is used here, but it "
                    + "refers to something that is not defined");
            return;
        }
        err.print("Exception in " + origin + " ");
        printTrace(exception, "");
    }

    /** The exception, its frames, and its causes, in the JVM's own format. */
    private void printTrace(Throwable exception, String prefix) {
        String name = (exception instanceof EvalException eval) ? eval.getExceptionClassName()
                : exception.getClass().getName();
        err.println(prefix + name + ((exception.getMessage() != null) ? ": " + exception.getMessage() : ""));
        for (StackTraceElement frame : exception.getStackTrace()) {
            err.println("\tat " + frame(frame));
        }
        if (exception.getCause() != null) {
            printTrace(exception.getCause(), "Caused by: ");
        }
    }

    /** A snippet's frame names its snippet as "#id"; it is shown with the script's file and line instead. */
    private String frame(StackTraceElement frame) {
        String file = frame.getFileName();
        JShellScript.Snippet snippet = (file != null && file.startsWith("#")) ? sources.get(file.substring(1)) : null;
        if (snippet == null) {
            return frame.toString();
        }
        String method = frame.getMethodName().isEmpty() ? "" : frame.getMethodName() + " ";
        int line = snippet.line() + Math.max(frame.getLineNumber(), 1) - 1;
        return method + "(" + snippet.origin() + ":" + line + ")";
    }

    private static int lineWithin(String source, int position) {
        int line = 1;
        for (int i = 0; i < Math.min(position, source.length()); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String indented(String source) {
        return source.strip().lines().map((line) -> "    " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }

}

package org.jope.demo.console;

import java.util.List;

import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.jope.demo.console.JShellScript.Exit;
import org.jope.demo.console.JShellScript.Snippet;
import org.jope.demo.console.JShellScript.Step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A script cut into snippets as the jshell tool reads its input, each with the line it starts on. */
class JShellScriptTests {

    private static JShell shell;

    @BeforeAll
    static void createShell() {
        shell = JShell.builder().executionEngine("local").build();
    }

    @AfterAll
    static void closeShell() {
        shell.close();
    }

    @Test
    void eachSnippetKeepsTheLineItStartsOn() throws ScriptException {
        List<Step> steps = parse("""
                // a comment alone is no snippet

                int a = 1; int b = 2;
                void f() {
                    System.out.println(a);
                }
                f()
                """);

        assertThat(steps).extracting(Step::line).containsExactly(3, 3, 4, 7);
        assertThat(((Snippet) steps.get(1)).source()).contains("int b = 2;");
        assertThat(((Snippet) steps.get(2)).source()).contains("void f() {").contains("}");
    }

    @Test
    void exitBetweenSnippetsEndsTheScriptWithItsCode() throws ScriptException {
        List<Step> steps = parse("""
                int a = 1
                /exit 3
                int b = 2;
                """);

        assertThat(steps).hasSize(3);
        assertThat(steps.get(1)).isEqualTo(new Exit(3, 2));
    }

    @Test
    void aSlashInsideAnUnfinishedSnippetIsJava() throws ScriptException {
        List<Step> steps = parse("""
                int a = (6
                    / 2);
                """);

        assertThat(steps).hasSize(1);
    }

    @Test
    void anotherCommandIsRefusedWithItsLine() {
        assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> parse("int a = 1;\n/open other.jsh\n"))
                .withMessageStartingWith("s.jsh:2: /open other.jsh is a command of the interactive console");
        assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> parse("/exit soon\n"))
                .withMessage("s.jsh:1: /exit takes a whole number, not soon");
    }

    @Test
    void aScriptThatEndsInsideASnippetIsRefusedWithTheSnippetsLine() {
        assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> parse("int a = 1;\nvoid f() {\n  a++;\n"))
                .withMessageStartingWith("s.jsh:2: the script ends inside this snippet");
    }

    private static List<Step> parse(String text) throws ScriptException {
        return JShellScript.parse("s.jsh", text, shell.sourceCodeAnalysis()).steps();
    }

}

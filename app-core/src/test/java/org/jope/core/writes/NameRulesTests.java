package org.jope.core.writes;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.jope.core.http.RequestPath;
import org.jope.core.testing.Http;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zope's name rules, and no character that makes a name look like another: each refused name is answered 400 with
 * the rule it broke, by POST and by PUT, and nothing is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NameRulesTests {

    private final ObjectMapper mapper = new ObjectMapper();

    private Site site;

    private Http manager;

    @BeforeAll
    void start(@TempDir Path directory) throws Exception {
        site = Site.start(directory);
        manager = site.manager();
    }

    @AfterAll
    void stop() throws Exception {
        site.close();
    }

    /** The name is given as JSON escapes, so that a lone surrogate reaches the server as one. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            _private          | must not start with '_'
            _                 | must not start with '_'
            aq_parent         | must not start with 'aq_'
            special__         | must not end with '__'
            ++resource++x     | must not start with '@@' or '++'
            @@json            | must not start with '@@' or '++'
            index_html        | must not be 'index_html', the name of the default view
            REQUEST           | must not be 'REQUEST'
            x\\u202etxt.exe   | invisible format characters (Unicode category Cf, such as right-to-left overrides and zero-width spaces), such as the U+202E
            \\u202e           | invisible format characters
            x\\u200by         | the U+200B in this one
            \\ufeffbom        | the U+FEFF in this one
            soft\\u00adhyphen | the U+00AD in this one
            ' '               | must not be only whitespace
            '\\u00a0\\u3000'  | must not be only whitespace
            '\\t '            | control characters or line breaks, such as the U+0009
            nul\\u0000        | control characters or line breaks, such as the U+0000
            del\\u007f        | such as the U+007F
            c1\\u0085         | such as the U+0085
            line\\u2028break  | such as the U+2028
            lone\\ud800       | must be valid Unicode; this one holds a lone surrogate, U+D800
            a/b               | must not contain '/' or '\\'
            a\\\\b            | must not contain '/' or '\\'
            .                 | must not be '.' or '..'
            ..                | must not be '.' or '..'
            """)
    void aRefusedNameIsAnswered400WithItsRule(String escaped, String rule) {
        String before = site.anonymous().get("/@@json").body();
        HttpResponse<String> response = manager.post("/", "{\"name\": \"" + escaped + "\", \"type\": \"page\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<p>A name ").contains(escapeHtml(rule));
        assertThat(site.anonymous().get("/@@json").body()).as("nothing was written").isEqualTo(before);
    }

    @Test
    void aRefusedNameInAPutPathIsAnsweredTheSame() {
        HttpResponse<String> response = manager.put("/x%E2%80%AEtxt.exe", "text/plain", "x");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("such as the U+202E in this one");
        assertThat(manager.put("/aq_parent", "text/plain", "x").body()).contains(escapeHtml("must not start with 'aq_'"));
        assertThat(site.anonymous().get("/aq_parent").statusCode()).isEqualTo(404);
    }

    @Test
    void theDefaultViewNameIsTheOneRequestPathReads() {
        assertThat(RequestPath.DEFAULT_VIEW).isEqualTo("index_html");
    }

    @Test
    void anOverlongNameIsRefused() {
        HttpResponse<String> response = manager.post("/", "{\"name\":\"" + "x".repeat(256) + "\",\"type\":\"page\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("at most 255 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = { "é😀", "a?b", "a#b", "100%", "a b", "R&D <draft>", "index_html2", "aq", "a__b", "x_",
            "+plus", "日本語", " padded " })
    void otherNamesAreKept(String name) throws Exception {
        HttpResponse<String> response = manager.post("/",
                mapper.writeValueAsString(Map.of("name", name, "type", "page", "body", "kept")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(mapper.readTree(site.anonymous().get("/@@json").body()).get("children").findValuesAsText("name"))
                .contains(name);
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;");
    }

}

package org.jope.core.writes;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.jope.core.testing.Http;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body that is not a new child is answered 400 in the site's words: which field, and what it should have been;
 * never the parser's message, a class name or a Java type. Nothing is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewChildBodyTests {

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not JSON             | {not json                                       | The body is not valid JSON (line 1, column 2); a new child is a JSON object such as
            cut short            | {"name": "x", "type":                           | The body is not valid JSON (line 1, column 22)
            empty                | ``                                              | The body must be a JSON object such as {&#34;name&#34;: &#34;notes&#34;, &#34;type&#34;: &#34;page&#34;}, not nothing
            an array             | [1, 2]                                          | The body must be a JSON object such as {&#34;name&#34;: &#34;notes&#34;, &#34;type&#34;: &#34;page&#34;}, not an array
            a string             | "page"                                          | not a string
            name a number        | {"name": 5, "type": "page"}                     | The field &#39;name&#39; must be a string, not a number
            name an object       | {"name": {}, "type": "page"}                    | The field &#39;name&#39; must be a string, not an object
            title an array       | {"name": "x", "type": "page", "title": ["t"]}   | The field &#39;title&#39; must be a string, not an array
            type a boolean       | {"name": "x", "type": true}                     | The field &#39;type&#39; must be a string, not true or false
            unknown field        | {"name": "x", "type": "page", "colour": "red"}  | Unknown field &#39;colour&#39;: a new child takes name, type, title, contentType and body
            given twice          | {"name": "x", "type": "page", "name": "y"}      | The field &#39;name&#39; is given twice
            missing name         | {"type": "page"}                                | A new child needs a name
            null name            | {"name": null, "type": "page"}                  | A new child needs a name
            missing type         | {"name": "x"}                                   | A new child needs a type: folder, page or file
            unknown type         | {"name": "x", "type": "widget"}                 | Unknown type &#39;widget&#39;: use folder, page or file
            two objects          | {"name": "x", "type": "page"} {}                | The body must hold one JSON object, and it goes on after the object ends
            a folder with a body | {"name": "x", "type": "folder", "body": "b"}    | A folder has no body and no contentType
            a page of images     | {"name": "x", "type": "page", "contentType": "image/png"} | A page is text/html or text/plain, not image/png; store other content as a file
            a file not base64    | {"name": "x", "type": "file", "body": "%%%"}    | The body of a file must be base64
            a file of no type    | {"name": "x", "type": "file", "contentType": "text/html\\u0100"} | is not a media type: its type and subtype must each be a token
            """)
    void aBodyThatIsNoNewChildIsAnsweredInTheSitesWords(String label, String body, String answer) {
        String before = site.anonymous().get("/@@json").body();
        HttpResponse<String> response = manager.post("/", body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(answer).doesNotContain("org.jope").doesNotContain("java.")
                .doesNotContain("com.fasterxml").doesNotContain("Jackson").doesNotContain("JsonToken")
                .doesNotContain("Exception").doesNotContain("deserialize");
        assertThat(site.anonymous().get("/@@json").body()).as("nothing was written").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a page                 | {"name": "p", "type": "page", "title": null, "body": "hi"}
            a plain page           | {"name": "t", "type": "PAGE", "contentType": "text/plain; charset=utf-8"}
            a file with parameters | {"name": "c", "type": "file", "contentType": "text/csv; charset=UTF-8", "body": "YSxi"}
            a folder               | {"name": "d", "type": "folder", "title": "Docs"}
            """)
    void aGoodBodyStillCreates(String label, String body) {
        assertThat(manager.post("/", body).statusCode()).isEqualTo(201);
    }

}

package org.jope.core.content;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.jope.core.errors.BadRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentTypesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            image/png                              | image/png
            Image/SVG+XML                          | image/svg+xml
            text/csv; charset=UTF-8                | text/csv;charset=UTF-8
            text/csv;Charset="utf-8"               | text/csv;charset="utf-8"
            application/vnd.api+json ; ext="a;b"   | application/vnd.api+json;ext="a;b"
            text/html;                             | text/html
            """)
    void aMediaTypeIsStoredNormalized(String given, String stored) {
        assertThat(ContentTypes.requireValid(given)).isEqualTo(stored);
        assertThat(ContentTypes.isValid(given)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            nonsense                 | it has no '/' between type and subtype
            text/                    | its type and subtype must each be a token
            /html                    | its type and subtype must each be a token
            text / html              | its type and subtype must each be a token
            text/html\u0100          | its type and subtype must each be a token
            text/html; charset       | its parameter 'charset' is not name=value
            text/html; a=b c         | its parameter 'a=b c' is not name=value
            text/html; a="unclosed   | its parameter 'a="unclosed' is not name=value
            text/html; a="\u00e9"    | its parameter 'a="\u00e9"' is not name=value
            text/plain; charset=bogus-9 | its charset is not one that Java knows
            text/plain; charset=\\   | its parameter 'charset=\\' is not name=value
            """)
    void anythingElseIsRefusedWithTheReason(String given, String reason) {
        assertThatThrownBy(() -> ContentTypes.requireValid(given)).isInstanceOf(BadRequest.class)
                .hasMessageContaining("is not a media type: " + reason).hasMessageContaining("such as text/csv");
        assertThat(ContentTypes.isValid(given)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = { 255, 256 })
    void aTypeFitsItsColumn(int length) {
        String type = "application/" + "x".repeat(length - "application/".length());
        assertThat(ContentTypes.isValid(type)).isEqualTo(length <= ContentTypes.MAX_LENGTH);
    }

}

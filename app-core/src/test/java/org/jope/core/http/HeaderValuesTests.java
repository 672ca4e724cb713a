package org.jope.core.http;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderValuesTests {

    @Test
    void eachNameOfAPathIsPercentEncodedAsUtf8() {
        assertThat(HeaderValues.path(List.of("f", "é😀"))).isEqualTo("/f/%C3%A9%F0%9F%98%80");
        assertThat(HeaderValues.path(List.of("f", "a?b"))).isEqualTo("/f/a%3Fb");
        assertThat(HeaderValues.path(List.of("f", "a#b"))).isEqualTo("/f/a%23b");
        assertThat(HeaderValues.path(List.of("f", "100%"))).isEqualTo("/f/100%25");
        assertThat(HeaderValues.path(List.of("a b", "c/d", "x;y", "p+q"))).isEqualTo("/a%20b/c%2Fd/x%3By/p%2Bq");
        assertThat(HeaderValues.path(List.of("x\u202etxt.exe"))).isEqualTo("/x%E2%80%AEtxt.exe");
        assertThat(HeaderValues.path(List.of("plain-name_1.txt~"))).isEqualTo("/plain-name_1.txt~");
        assertThat(HeaderValues.path(List.of())).isEqualTo("/");
    }

    @Test
    void aUriReferenceKeepsItsStructureAndEscapesAndEncodesTheRest() {
        assertThat(HeaderValues.uriReference("https://example.org/a/b?x=1&y=%2F#top"))
                .isEqualTo("https://example.org/a/b?x=1&y=%2F#top");
        assertThat(HeaderValues.uriReference("/f/é 😀")).isEqualTo("/f/%C3%A9%20%F0%9F%98%80");
        assertThat(HeaderValues.uriReference("/100%")).isEqualTo("/100%25");
        assertThat(HeaderValues.uriReference("/%zz")).isEqualTo("/%25zz");
        assertThat(HeaderValues.uriReference("/a\r\nSet-Cookie: x=1")).isEqualTo("/a%0D%0ASet-Cookie:%20x=1");
        assertThat(HeaderValues.uriReference("/<\"{|}>")).isEqualTo("/%3C%22%7B%7C%7D%3E");
    }

    @Test
    void aContentDispositionNamesTheFileInAsciiAndAsItIs() {
        assertThat(HeaderValues.contentDisposition("inline", "report.pdf")).isEqualTo("inline; filename=\"report.pdf\"");
        assertThat(HeaderValues.contentDisposition("inline", "é😀.svg"))
                .isEqualTo("inline; filename=\"__.svg\"; filename*=UTF-8''%C3%A9%F0%9F%98%80.svg");
        assertThat(HeaderValues.contentDisposition("attachment", "a \"b\" \\c %41.txt"))
                .isEqualTo("attachment; filename=\"a _b_ _c _41.txt\"; filename*=UTF-8''a%20%22b%22%20%5Cc%20%2541.txt");
        assertThat(HeaderValues.contentDisposition("inline", "x\r\ny")).isEqualTo(
                "inline; filename=\"x__y\"; filename*=UTF-8''x%0D%0Ay");
    }

    @Test
    void everyValueIsPrintableAscii() {
        for (String value : List.of(HeaderValues.path(List.of("日本語", "\u0100\u00ff")),
                HeaderValues.uriReference("/日本語\u0000"), HeaderValues.contentDisposition("inline", "日本語\u0085"))) {
            assertThat(value.chars()).allMatch((c) -> c >= 0x20 && c < 0x7f);
        }
    }

}

package org.jope.core.http;

import org.owasp.encoder.Encode;

/** The page frame that every HTML view shares; the title is escaped here, the body is escaped by its view. */
public final class HtmlDocument {

    private HtmlDocument() {
    }

    public static String of(String title, String escapedBody) {
        String escapedTitle = Encode.forHtml(title);
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escapedTitle + "</title></head>\n"
                + "<body>\n<h1>" + escapedTitle + "</h1>\n" + escapedBody + "</body></html>\n";
    }

}

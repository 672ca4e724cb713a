package org.jope.core.writes;

/**
 * The JSON body of a POST to a folder. {@code type} is folder, page or file; a page's {@code body} is its text, a
 * file's is base64.
 */
record NewChildRequest(String name, String type, String title, String contentType, String body) {
}

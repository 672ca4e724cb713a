package org.jope.core.views;

import org.owasp.encoder.Encode;

import org.jope.core.content.Page;
import org.jope.core.http.HtmlDocument;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.traversal.Traversed;

/**
 * A page's default view. An HTML body was written by a manager and is published as it is, as Zope publishes a
 * page template; a plain-text body is escaped.
 */
final class PageView implements SnapshotView {

    @Override
    public Rendered render(Traversed traversed, PublishRequest request) {
        Page page = (Page) traversed.object();
        String body = page.isHtml() ? page.body() : "<pre>" + Encode.forHtml(page.body()) + "</pre>\n";
        return Rendered.html(200, HtmlDocument.of(page.title(), body));
    }

}

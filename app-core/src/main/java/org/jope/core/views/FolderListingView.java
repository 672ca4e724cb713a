package org.jope.core.views;

import org.owasp.encoder.Encode;

import org.jope.core.content.ChildEntry;
import org.jope.core.content.Folder;
import org.jope.core.http.HtmlDocument;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.traversal.Traversed;

/** A folder's default view: its title and a list of its children, in order. */
final class FolderListingView implements SnapshotView {

    @Override
    public Rendered render(Traversed traversed, PublishRequest request) {
        Folder folder = (Folder) traversed.object();
        String base = traversed.path().isRoot() ? "/" : traversed.path().objectPath() + "/";
        StringBuilder list = new StringBuilder("<ul>\n");
        for (ChildEntry child : folder.children()) {
            String href = base + Encode.forUriComponent(child.name());
            list.append("<li><a href=\"").append(Encode.forHtmlAttribute(href)).append("\">")
                    .append(Encode.forHtml(child.title() != null ? child.title() : child.name()))
                    .append("</a> <small>").append(child.kind().columnValue()).append("</small></li>\n");
        }
        list.append("</ul>\n");
        return Rendered.html(200, HtmlDocument.of(folder.title(), list.toString()));
    }

}

package org.jope.core.views;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jope.core.content.ContentKind;
import org.jope.core.content.ContentObject;
import org.jope.core.errors.NotFound;
import org.jope.core.http.EntityTags;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.http.RequestPath;
import org.jope.core.store.Transaction;
import org.jope.core.traversal.Traversed;
import org.jope.core.traversal.Traverser;

/**
 * Which view renders an object: the named one ({@code @@name}), or else the default view of the object's kind. A
 * client that asks for JSON by Accept header gets the json view.
 */
public final class Views {

    public static final String JSON = "json";

    private final Map<ContentKind, View> defaults = new EnumMap<>(ContentKind.class);

    private final Map<String, View> named = new ConcurrentHashMap<>();

    public Views(ObjectMapper mapper) {
        defaults.put(ContentKind.FOLDER, new FolderListingView());
        defaults.put(ContentKind.PAGE, new PageView());
        defaults.put(ContentKind.FILE, new FileView());
        named.put(JSON, new JsonView(mapper));
    }

    /** Adds or replaces a named view, reachable on every object as {@code @@name}. */
    public void register(String name, View view) {
        named.put(name, view);
    }

    /**
     * Traverses to the object and renders the view that the request names. The default view's answer carries the
     * object's ETag.
     */
    public Rendered render(Transaction transaction, PublishRequest request) {
        Traversed traversed = Traverser.traverse(transaction, request.path());
        String accept = request.header("Accept");
        boolean acceptsJson = accept != null && accept.startsWith(Rendered.JSON);
        Rendered rendered = select(traversed.object(), request.path(), acceptsJson).render(traversed, request);
        if (rendered.status() == 200 && request.path().view() == null) {
            return rendered.withHeader("ETag", EntityTags.of(traversed.object().etag()));
        }
        return rendered;
    }

    private View select(ContentObject object, RequestPath path, boolean acceptsJson) {
        String name = path.view();
        if (name == null || name.equals(RequestPath.DEFAULT_VIEW)) {
            return acceptsJson && name == null ? named.get(JSON) : defaults.get(object.kind());
        }
        View view = named.get(name);
        if (view == null) {
            throw new NotFound(path.objectPath() + "/@@" + name);
        }
        return view;
    }

}

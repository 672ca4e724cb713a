package org.jope.core.publisher;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jope.core.content.ContentKind;
import org.jope.core.content.ContentObject;

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

    View select(ContentObject object, RequestPath path, boolean acceptsJson) {
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

package org.jope.core.views;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;

import org.jope.core.content.ContentKind;
import org.jope.core.content.ContentObject;
import org.jope.core.errors.NotFound;
import org.jope.core.http.ConditionalGet;
import org.jope.core.http.EntityTags;
import org.jope.core.http.HttpDate;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.http.RequestPath;
import org.jope.core.store.ObjectStore;
import org.jope.core.store.Transaction;
import org.jope.core.traversal.Traversed;
import org.jope.core.traversal.Traverser;

/**
 * Which view renders an object: the named one ({@code @@name}), or else the default view of the object's kind. A
 * client that asks for JSON by Accept header gets the json view.
 *
 * <p>The default views and the JSON view are rendered once per object version and their answers kept with the
 * snapshot, validators included; any other view renders on every request, and its 200 gets an entity tag made from
 * its body. Every answer then honours If-None-Match (and If-Modified-Since, where the time is known) with a 304.
 */
public final class Views {

    public static final String JSON = "json";

    private final Map<ContentKind, View> defaults = new EnumMap<>(ContentKind.class);

    private final Map<String, View> named = new ConcurrentHashMap<>();

    private final JsonView jsonView;

    public Views(ObjectMapper mapper) {
        defaults.put(ContentKind.FOLDER, new FolderListingView());
        defaults.put(ContentKind.PAGE, new PageView());
        defaults.put(ContentKind.FILE, new FileView());
        jsonView = new JsonView(mapper);
        named.put(JSON, jsonView);
    }

    /** Adds or replaces a named view, reachable on every object as {@code @@name}. */
    public void register(String name, View view) {
        named.put(name, view);
    }

    /** Traverses to the object and answers with the view that the request names. */
    public Rendered render(Transaction transaction, PublishRequest request) {
        Traversed traversed = Traverser.traverse(transaction, request.path());
        HttpServletRequest servletRequest = request.servletRequest();
        View view = select(traversed.object(), request.path(), acceptsJson(servletRequest));
        if (view instanceof SnapshotView) {
            return kept(traversed, view, request).answer(servletRequest);
        }
        Rendered rendered = view.render(traversed, request);
        if (rendered.status() != 200) {
            return rendered;
        }
        if (rendered.header("ETag") == null) {
            rendered = rendered.withHeader("ETag", bodyTag(rendered.body()));
        }
        return ConditionalGet.notModified(servletRequest, rendered) ? rendered.notModified() : rendered;
    }

    /**
     * The kept answer for a hot read: the store's cache is current, the request names no user, the object and every
     * folder on its way are in the cache, and its view's answer is kept with the snapshot. No transaction, no store
     * connection, no rendering, and nothing allocated. Null when any of that is missing; the read then takes the way
     * through a transaction.
     */
    public Rendered renderCached(ObjectStore store, RequestPath path, HttpServletRequest request) {
        if (!store.cacheIsCurrent() || request.getHeader("Authorization") != null) {
            return null;
        }
        ContentObject object = Traverser.traverseCached(store.cache(), path);
        if (object == null || !(object.derived() instanceof KeptAnswers kept)) {
            return null;
        }
        View view = select(object, path, acceptsJson(request));
        KeptAnswer answer = view == jsonView ? kept.json : view == defaults.get(object.kind()) ? kept.defaultView
                : null;
        return answer != null ? answer.answer(request) : null;
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

    /** The snapshot's kept answer for the view, rendered now if this is the first request for it. */
    private KeptAnswer kept(Traversed traversed, View view, PublishRequest request) {
        ContentObject object = traversed.object();
        KeptAnswers kept = object.derived() instanceof KeptAnswers found ? found : new KeptAnswers();
        boolean json = view == jsonView;
        KeptAnswer answer = json ? kept.json : kept.defaultView;
        if (answer == null) {
            Rendered ok = view.render(traversed, request)
                    .withHeader("ETag", EntityTags.of(json ? object.etag() + "-json" : object.etag()))
                    // The URL without @@json gives HTML or JSON by the Accept header.
                    .withHeader("Vary", "Accept");
            if (object.modified() > 0) {
                ok = ok.withHeader("Last-Modified", HttpDate.format(Instant.ofEpochMilli(object.modified())));
            }
            answer = new KeptAnswer(ok);
            if (json) {
                kept.json = answer;
            }
            else {
                kept.defaultView = answer;
            }
            object.keepDerived(kept);
        }
        return answer;
    }

    private static boolean acceptsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.startsWith(Rendered.JSON);
    }

    /** A strong tag for a view's body: the answer changes exactly when the bytes do. */
    private static String bodyTag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return EntityTags.of(HexFormat.of().formatHex(digest, 0, 16));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK has SHA-256", ex);
        }
    }

}

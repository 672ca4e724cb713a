package org.jope.core.writes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jope.core.content.ContentKind;
import org.jope.core.content.Folder;
import org.jope.core.content.Names;
import org.jope.core.content.Page;
import org.jope.core.errors.BadRequest;
import org.jope.core.errors.ConflictingState;
import org.jope.core.errors.MethodNotAllowed;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.http.RequestBody;
import org.jope.core.store.NewContent;
import org.jope.core.store.Transaction;
import org.jope.core.traversal.Traversed;
import org.jope.core.traversal.Traverser;

/** {@code POST} to a folder with a JSON body: adds a folder, page or file as a new child. */
final class CreateChild {

    private final ObjectMapper mapper;

    CreateChild(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Rendered handle(Transaction transaction, PublishRequest request) {
        Traversed target = Traverser.traverse(transaction, request.path());
        if (!(target.object() instanceof Folder folder)) {
            throw new MethodNotAllowed("POST", "GET, HEAD, PUT, DELETE");
        }
        NewChildRequest child = parse(request.body());
        String name = Names.requireValid(child.name());
        if (folder.child(name) != null) {
            throw new ConflictingState(name + " already exists in " + request.path().objectPath());
        }
        String path = request.path().isRoot() ? "/" + name : request.path().objectPath() + "/" + name;
        transaction.createChild(folder, name, contentOf(child), path);
        return Rendered.text(201, "Created " + path + "\n").withHeader("Location", path);
    }

    private NewChildRequest parse(RequestBody body) {
        if (!body.mimeType().equals("application/json")) {
            throw new BadRequest("POST to a folder takes application/json, not " + body.mimeType());
        }
        NewChildRequest child;
        try {
            child = mapper.readValue(body.bytes(), NewChildRequest.class);
        }
        catch (JacksonException ex) {
            throw new BadRequest("The body is not a valid new child: " + ex.getOriginalMessage());
        }
        catch (java.io.IOException ex) {
            throw new BadRequest("The body could not be read: " + ex.getMessage());
        }
        if (child == null || child.type() == null) {
            throw new BadRequest("A new child needs a type: folder, page or file");
        }
        return child;
    }

    private static NewContent contentOf(NewChildRequest child) {
        String title = child.title() != null ? child.title() : child.name();
        String text = child.body() != null ? child.body() : "";
        return switch (child.type().toLowerCase(Locale.ROOT)) {
            case "folder" -> NewContent.folder(title);
            case "page" -> new NewContent(ContentKind.PAGE, title,
                    Page.PLAIN_TEXT.equals(child.contentType()) ? Page.PLAIN_TEXT : Page.HTML,
                    text.getBytes(StandardCharsets.UTF_8));
            case "file" -> new NewContent(ContentKind.FILE, title,
                    child.contentType() != null ? child.contentType() : "application/octet-stream", decode(text));
            default -> throw new BadRequest("Unknown type '" + child.type() + "': use folder, page or file");
        };
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        }
        catch (IllegalArgumentException ex) {
            throw new BadRequest("A file's body must be base64");
        }
    }

}

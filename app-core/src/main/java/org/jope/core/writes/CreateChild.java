package org.jope.core.writes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jope.core.content.ContentKind;
import org.jope.core.content.ContentTypes;
import org.jope.core.content.Folder;
import org.jope.core.content.Names;
import org.jope.core.content.Page;
import org.jope.core.errors.BadRequest;
import org.jope.core.errors.ConflictingState;
import org.jope.core.errors.MethodNotAllowed;
import org.jope.core.http.HeaderValues;
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
            throw new MethodNotAllowed("POST adds a child to a folder, and " + request.path().objectPath()
                    + " is not a folder", "GET, HEAD, PUT, DELETE");
        }
        WritePreconditions.check(request, folder, request.path().objectPath());
        NewChildRequest child = parse(request.body());
        String name = Names.requireValid(child.name());
        if (folder.child(name) != null) {
            throw new ConflictingState(name + " already exists in " + request.path().objectPath());
        }
        List<String> names = new ArrayList<>(request.path().names());
        names.add(name);
        String path = "/" + String.join("/", names);
        transaction.createChild(folder, name, contentOf(child), path);
        return Rendered.text(201, "Created " + path + "\n").withHeader("Location", HeaderValues.path(names));
    }

    private NewChildRequest parse(RequestBody body) {
        if (!body.mimeType().equals("application/json")) {
            throw new BadRequest("POST to a folder takes application/json, not " + body.mimeType());
        }
        return NewChildRequest.read(body.bytes(), mapper.getFactory());
    }

    private static NewContent contentOf(NewChildRequest child) {
        String title = child.title() != null ? child.title() : child.name();
        String text = child.body() != null ? child.body() : "";
        return switch (child.type().toLowerCase(Locale.ROOT)) {
            case "folder" -> {
                if (child.body() != null || child.contentType() != null) {
                    throw new BadRequest("A folder has no body and no contentType; add its content as children");
                }
                yield NewContent.folder(title);
            }
            case "page" -> new NewContent(ContentKind.PAGE, title, pageType(child.contentType()),
                    text.getBytes(StandardCharsets.UTF_8));
            case "file" -> new NewContent(ContentKind.FILE, title, child.contentType() != null
                    ? ContentTypes.requireValid(child.contentType()) : "application/octet-stream", decode(text));
            default -> throw new BadRequest("Unknown type '" + child.type() + "': use folder, page or file");
        };
    }

    private static String pageType(String contentType) {
        if (contentType == null) {
            return Page.HTML;
        }
        String essence = ContentTypes.essence(ContentTypes.requireValid(contentType));
        if (!essence.equals(Page.HTML) && !essence.equals(Page.PLAIN_TEXT)) {
            throw new BadRequest("A page is text/html or text/plain, not " + essence
                    + "; store other content as a file");
        }
        return essence;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        }
        catch (IllegalArgumentException ex) {
            throw new BadRequest("The body of a file must be base64 (RFC 4648, without line breaks)");
        }
    }

}

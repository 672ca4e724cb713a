package org.jope.core.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jope.core.content.ChildEntry;
import org.jope.core.content.ContentObject;
import org.jope.core.content.File;
import org.jope.core.content.Folder;
import org.jope.core.content.Page;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.traversal.Traversed;

/** Any object as JSON: {@code /path/@@json}, or {@code Accept: application/json}. */
final class JsonView implements SnapshotView {

    private final ObjectMapper mapper;

    JsonView(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Rendered render(Traversed traversed, PublishRequest request) {
        ContentObject object = traversed.object();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", object.name());
        json.put("path", traversed.path().objectPath());
        json.put("kind", object.kind().columnValue());
        json.put("serial", object.serial());
        if (object instanceof Folder folder) {
            json.put("title", folder.title());
            List<Map<String, Object>> children = new ArrayList<>();
            for (ChildEntry child : folder.children()) {
                children.add(Map.of("name", child.name(), "kind", child.kind().columnValue(),
                        "title", child.title() != null ? child.title() : child.name()));
            }
            json.put("children", children);
        }
        else if (object instanceof Page page) {
            json.put("title", page.title());
            json.put("contentType", page.contentType());
            json.put("body", page.body());
        }
        else if (object instanceof File file) {
            json.put("title", file.title());
            json.put("contentType", file.contentType());
            json.put("size", file.data().length);
        }
        try {
            return Rendered.of(200, Rendered.JSON, mapper.writeValueAsBytes(json));
        }
        catch (JsonProcessingException ex) {
            throw new IllegalStateException("Could not write JSON for " + traversed.path().objectPath(), ex);
        }
    }

}

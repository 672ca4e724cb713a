package org.jope.core.writes;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;

import org.jope.core.errors.BadRequest;

/**
 * The JSON body of a POST to a folder. {@code type} is folder, page or file; a page's {@code body} is its text, a
 * file's is base64. It is read field by field, so that a mistake is answered in the site's words, with the field and
 * what it should have been, and never with the parser's.
 */
record NewChildRequest(String name, String type, String title, String contentType, String body) {

    private static final Set<String> FIELDS = Set.of("name", "type", "title", "contentType", "body");

    private static final String EXAMPLE = "a JSON object such as {\"name\": \"notes\", \"type\": \"page\"}";

    static NewChildRequest read(byte[] json, JsonFactory factory) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = factory.createParser(json)) {
            JsonToken start = parser.nextToken();
            if (start != JsonToken.START_OBJECT) {
                throw new BadRequest("The body must be " + EXAMPLE + ", not " + describe(start));
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String field = parser.currentName();
                if (!FIELDS.contains(field)) {
                    throw new BadRequest("Unknown field '" + field + "': a new child takes name, type, title,"
                            + " contentType and body");
                }
                JsonToken value = parser.nextToken();
                if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                    throw new BadRequest("The field '" + field + "' must be a string, not " + describe(value));
                }
                if (fields.containsKey(field)) {
                    throw new BadRequest("The field '" + field + "' is given twice");
                }
                fields.put(field, value == JsonToken.VALUE_NULL ? null : parser.getText());
            }
            if (parser.nextToken() != null) {
                throw new BadRequest("The body must hold one JSON object, and it goes on after the object ends");
            }
        }
        catch (StreamReadException ex) {
            JsonLocation at = ex.getLocation();
            throw new BadRequest("The body is not valid JSON (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + "); a new child is " + EXAMPLE);
        }
        catch (CharConversionException ex) {
            throw new BadRequest("The body is not valid JSON: it is not UTF-8 text");
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not parse a request body held in memory", ex);
        }
        if (fields.get("name") == null) {
            throw new BadRequest("A new child needs a name: " + EXAMPLE);
        }
        if (fields.get("type") == null) {
            throw new BadRequest("A new child needs a type: folder, page or file");
        }
        return new NewChildRequest(fields.get("name"), fields.get("type"), fields.get("title"),
                fields.get("contentType"), fields.get("body"));
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            case VALUE_STRING -> "a string";
            default -> "something else";
        };
    }

}

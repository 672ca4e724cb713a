package org.jope.autoconfigure.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.traversal.Traversed;
import org.jope.core.views.View;

/** {@code @@status-data}: the status and the activity history as JSON, polled by the status page. */
final class StatusDataView implements View {

    static final String NAME = "status-data";

    private final Supplier<JopeStatus> status;

    private final ActivityHistory history;

    private final ObjectMapper mapper = new ObjectMapper();

    StatusDataView(Supplier<JopeStatus> status, ActivityHistory history) {
        this.status = status;
        this.history = history;
    }

    @Override
    public Rendered render(Traversed traversed, PublishRequest request) {
        ManagerOnly.require(request);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", status.get());
        data.put("capacity", history.capacity());
        data.put("samples", history.samples());
        try {
            return Rendered.of(200, Rendered.JSON, mapper.writeValueAsBytes(data)).withHeader("Cache-Control",
                    "no-store");
        }
        catch (JsonProcessingException ex) {
            throw new IllegalStateException("Could not write the status as JSON", ex);
        }
    }

}

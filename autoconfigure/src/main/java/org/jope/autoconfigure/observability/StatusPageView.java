package org.jope.autoconfigure.observability;

import java.util.Locale;
import java.util.function.Supplier;

import org.owasp.encoder.Encode;

import org.jope.core.http.HtmlDocument;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.traversal.Traversed;
import org.jope.core.views.View;

/**
 * {@code @@status}: the jope endpoint's facts for a person, with charts of the requests per second and the store
 * connections in use over the last minutes. Every fact carries the path of its value in the status JSON, and
 * {@link StatusPageScript} refreshes them and the charts from {@code @@status-data}; the page needs nothing from
 * outside the site.
 */
final class StatusPageView implements View {

    static final String NAME = "status";

    private final Supplier<JopeStatus> status;

    private final int historySeconds;

    StatusPageView(Supplier<JopeStatus> status, int historySeconds) {
        this.status = status;
        this.historySeconds = historySeconds;
    }

    @Override
    public Rendered render(Traversed traversed, PublishRequest request) {
        ManagerOnly.require(request);
        JopeStatus now = status.get();
        StringBuilder body = new StringBuilder(8192);
        body.append(StatusPageScript.STYLE);
        body.append("<p id=\"status-note\">Updated every 2 s.</p>\n");
        chart(body, "requests", "Requests per second", historySeconds);
        chart(body, "connections", "Store connections in use (of " + now.store().poolSize() + ")", historySeconds);
        section(body, "Server", "",
                new Fact("Container", "server.type", now.server().type()),
                new Fact("Request threads", "server.threads", now.server().threads()),
                new Fact("Busy threads", "server.busyThreads", now.server().busyThreads()),
                new Fact("Requests waiting for a thread", "server.queuedRequests", now.server().queuedRequests()));
        section(body, "Store", "",
                new Fact("Kind", "store.kind", now.store().kind()),
                new Fact("URL", "store.url", now.store().url()),
                new Fact("Pool size", "store.poolSize", now.store().poolSize()),
                new Fact("Pool timeout (ms)", "store.poolTimeoutMillis", now.store().poolTimeoutMillis()),
                new Fact("Connections in use", "store.activeConnections", now.store().activeConnections()),
                new Fact("Threads waiting for a connection", "store.threadsAwaitingConnection",
                        now.store().threadsAwaitingConnection()));
        section(body, "Safety", now.safety().threadsBelowPool() ? "safe" : "unsafe",
                new Fact("Threads below pool size", "safety.threadsBelowPool", now.safety().threadsBelowPool()),
                new Fact("Verdict", "safety.verdict", now.safety().verdict()),
                new Fact("jope.safety.threads-vs-pool", "safety.threadsVsPool", now.safety().threadsVsPool()));
        section(body, "Object cache", "",
                new Fact("Objects cached", "cache.size", now.cache().size()),
                new Fact("Maximum", "cache.maximumSize", now.cache().maximumSize()),
                new Fact("Hit ratio", "cache.hitRatio", now.cache().hitRatio()),
                new Fact("Hits", "cache.hits", now.cache().hits()),
                new Fact("Misses", "cache.misses", now.cache().misses()));
        section(body, "Requests", "",
                new Fact("In flight", "requests.inFlight", now.requests().inFlight()),
                new Fact("Completed", "requests.completed", now.requests().completed()),
                new Fact("Write conflicts", "requests.conflicts", now.requests().conflicts()),
                new Fact("Conflict retries", "requests.retries", now.requests().retries()),
                new Fact("Conflicts given up (503)", "requests.conflictsGivenUp", now.requests().conflictsGivenUp()),
                new Fact("Shed for want of a connection (503)", "requests.shed", now.requests().shed()));
        section(body, "Stall watchdog", "",
                new Fact("Enabled", "watchdog.enabled", now.watchdog().enabled()),
                new Fact("Stall after (ms)", "watchdog.stallAfterMillis", now.watchdog().stallAfterMillis()),
                new Fact("Stalls", "watchdog.stalls", now.watchdog().stalls()));
        section(body, "Debugging", "",
                new Fact("jope.debug-exceptions", "debug.debugExceptions", now.debug().debugExceptions()),
                new Fact("jope.server.expose-tracebacks", "debug.exposeTracebacks", now.debug().exposeTracebacks()));
        body.append(StatusPageScript.SCRIPT);
        return Rendered.html(200, HtmlDocument.of("Jope status", body.toString()))
                .withHeader("Cache-Control", "no-store");
    }

    private static void chart(StringBuilder body, String id, String caption, int seconds) {
        body.append("<figure><figcaption>").append(Encode.forHtml(caption)).append(": <b id=\"").append(id)
                .append("-now\">-</b>, peak <span id=\"").append(id).append("-peak\">-</span></figcaption>\n")
                .append("<svg id=\"").append(id).append("-chart\" viewBox=\"0 0 ")
                .append(StatusPageScript.CHART_WIDTH).append(' ').append(StatusPageScript.CHART_HEIGHT)
                .append("\" width=\"").append(StatusPageScript.CHART_WIDTH).append("\" height=\"")
                .append(StatusPageScript.CHART_HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(Encode.forHtmlAttribute(caption)).append("\">")
                .append("<rect width=\"100%\" height=\"100%\" class=\"plot\"/>")
                .append("<polyline id=\"").append(id).append("-line\" points=\"\"/></svg>")
                .append("<div class=\"axis\"><span>").append(seconds).append(" s ago</span><span>now</span></div>")
                .append("</figure>\n");
    }

    private static void section(StringBuilder body, String title, String tableClass, Fact... facts) {
        body.append("<h2>").append(Encode.forHtml(title)).append("</h2>\n<table class=\"")
                .append(Encode.forHtmlAttribute(tableClass)).append("\">\n");
        for (Fact fact : facts) {
            body.append("<tr><th>").append(Encode.forHtml(fact.label())).append("</th><td data-fact=\"")
                    .append(Encode.forHtmlAttribute(fact.path())).append('"')
                    .append(fact.value() instanceof Double ? " data-format=\"percent\">" : ">")
                    .append(Encode.forHtml(fact.text())).append("</td></tr>\n");
        }
        body.append("</table>\n");
    }

    /** One row of the page: its label, the path of its value in the status JSON, and the value now. */
    private record Fact(String label, String path, Object value) {

        /** The same words the script writes when it refreshes the value. */
        String text() {
            if (value == null) {
                return "-";
            }
            if (value instanceof Boolean yes) {
                return yes ? "yes" : "no";
            }
            if (value instanceof Double ratio) {
                return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
            }
            return value.toString();
        }

    }

}

package org.jope.core.publisher;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.testing.Http;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renderings are kept with their snapshots; a commit must never leave an old one served. One writer replaces a page
 * while another adds children to the page's folder, and readers, conditional and not, check every answer against
 * the writes acknowledged before they asked.
 */
class FreshRenderingTests {

    private static final int WRITES = 150;

    private static final int READERS = 4;

    private static final Pattern VERSION = Pattern.compile("version (\\d+)");

    @TempDir
    Path directory;

    @Test
    void noReaderGetsARenderingOlderThanACommitItStartedAfter() throws Exception {
        try (Site site = Site.start(directory)) {
            Http manager = site.manager();
            assertThat(manager.post("/", "{\"name\":\"live\",\"type\":\"folder\"}").statusCode()).isEqualTo(201);
            assertThat(manager.put("/live/doc", "text/plain", "version 0").statusCode()).isEqualTo(201);
            AtomicLong pageAcknowledged = new AtomicLong();
            AtomicLong childrenAcknowledged = new AtomicLong();
            AtomicBoolean writing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
            AtomicInteger reads = new AtomicInteger();
            AtomicInteger notModified = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(2 + READERS);
            try {
                List<Future<?>> writers = List.of(
                        threads.submit(() -> write(manager, pageAcknowledged, (n) -> manager.put("/live/doc",
                                "text/plain", "version " + n))),
                        threads.submit(() -> write(manager, childrenAcknowledged, (n) -> manager.post("/live",
                                "{\"name\":\"c" + n + "\",\"type\":\"page\",\"body\":\"c\"}"))));
                List<Future<?>> readers = new ArrayList<>();
                for (int i = 0; i < READERS; i++) {
                    readers.add(threads.submit(() -> read(site.anonymous(), writing, pageAcknowledged,
                            childrenAcknowledged, stale, reads, notModified)));
                }
                for (Future<?> writer : writers) {
                    writer.get(120, TimeUnit.SECONDS);
                }
                writing.set(false);
                for (Future<?> reader : readers) {
                    reader.get(60, TimeUnit.SECONDS);
                }
            }
            finally {
                writing.set(false);
                threads.shutdownNow();
            }
            assertThat(stale).as("stale answers").isEmpty();
            assertThat(reads.get()).as("reads that overlapped the writes").isGreaterThan(WRITES);
            assertThat(notModified.get()).as("conditional reads answered 304 while nothing changed")
                    .isPositive();
        }
    }

    private static void write(Http manager, AtomicLong acknowledged, Writer writer) {
        for (int n = 1; n <= WRITES; n++) {
            int status = writer.write(n).statusCode();
            assertThat(status).isBetween(200, 201);
            acknowledged.set(n);
        }
    }

    private static void read(Http anonymous, AtomicBoolean writing, AtomicLong pageAcknowledged,
            AtomicLong childrenAcknowledged, ConcurrentLinkedQueue<String> stale, AtomicInteger reads,
            AtomicInteger notModified) {
        String pageTag = null;
        long pageVersion = -1;
        String listingTag = null;
        String listing = "";
        while (writing.get()) {
            long pageBefore = pageAcknowledged.get();
            long childrenBefore = childrenAcknowledged.get();
            HttpResponse<String> page = pageTag == null ? anonymous.get("/live/doc")
                    : anonymous.get("/live/doc", "If-None-Match", pageTag);
            if (page.statusCode() == 200) {
                Matcher version = VERSION.matcher(page.body());
                pageVersion = version.find() ? Long.parseLong(version.group(1)) : -1;
                pageTag = page.headers().firstValue("ETag").orElse(null);
            }
            else {
                notModified.incrementAndGet();
            }
            if (pageVersion < pageBefore) {
                stale.add("page " + page.statusCode() + " showed version " + pageVersion + " after " + pageBefore);
            }
            HttpResponse<String> folder = listingTag == null ? anonymous.get("/live")
                    : anonymous.get("/live", "If-None-Match", listingTag);
            if (folder.statusCode() == 200) {
                listing = folder.body();
                listingTag = folder.headers().firstValue("ETag").orElse(null);
            }
            else {
                notModified.incrementAndGet();
            }
            if (childrenBefore > 0 && !listing.contains("href=\"/live/c" + childrenBefore + "\"")) {
                stale.add("listing " + folder.statusCode() + " lacked c" + childrenBefore);
            }
            reads.incrementAndGet();
        }
    }

    @FunctionalInterface
    private interface Writer {

        HttpResponse<String> write(int n);

    }

}

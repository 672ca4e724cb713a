package org.jope.core.writes;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.content.ContentKind;
import org.jope.core.content.Folder;
import org.jope.core.content.Page;
import org.jope.core.store.NewContent;
import org.jope.core.store.Transaction;
import org.jope.core.testing.Http;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/** A path that ends in a view addresses the view, which is read and never written: 405, and nothing changes. */
class ViewWriteTests {

    @TempDir
    Path directory;

    private Site site;

    private Http manager;

    private String before;

    @BeforeEach
    void start() throws Exception {
        site = Site.start(directory);
        manager = site.manager();
        assertThat(manager.post("/", "{\"name\":\"f\",\"type\":\"folder\"}").statusCode()).isEqualTo(201);
        for (String name : new String[] { "victim", "victim2", "p" }) {
            assertThat(manager.put("/f/" + name, "text/plain", name).statusCode()).isEqualTo(201);
        }
        before = snapshot();
    }

    @AfterEach
    void stop() throws Exception {
        assertThat(snapshot()).as("nothing was written").isEqualTo(before);
        site.close();
    }

    @Test
    void deleteOnAViewIsRefused() {
        assertRefused(manager.delete("/f/victim/@@json"));
        assertRefused(manager.delete("/f/victim2/index_html"));
        assertRefused(manager.delete("/f/@@json?recursive=true"));
        assertThat(site.anonymous().get("/f/victim").statusCode()).isEqualTo(200);
        assertThat(site.anonymous().get("/f/victim2").statusCode()).isEqualTo(200);
    }

    @Test
    void putOnAViewIsRefused() {
        assertRefused(manager.put("/f/p/@@json", "text/plain", "changed"));
        assertRefused(manager.put("/f/p/index_html", "text/plain", "changed"));
        assertThat(site.anonymous().get("/f/p").body()).doesNotContain("changed");
    }

    @Test
    void postToAViewIsRefused() {
        assertRefused(manager.post("/f/@@json", "{\"name\":\"via-view\",\"type\":\"page\"}"));
        assertRefused(manager.post("/f/index_html", "{\"name\":\"via-view\",\"type\":\"page\"}"));
        assertThat(site.anonymous().get("/f/via-view").statusCode()).isEqualTo(404);
    }

    @Test
    void anyOtherMethodOnAViewIsRefusedTheSameWay() {
        assertRefused(manager.send(manager.request("/f/p/@@json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("x"))));
    }

    /**
     * A store written before index_html was reserved may hold a child of that name; a recursive DELETE that names it
     * addresses the folder's default view, and must not take the folder and its other children with it.
     */
    @Test
    void aRecursiveDeleteThroughTheDefaultViewNameDeletesNothing() {
        assertThat(manager.post("/", "{\"name\":\"g\",\"type\":\"folder\"}").statusCode()).isEqualTo(201);
        assertThat(manager.put("/g/keep1", "text/plain", "1").statusCode()).isEqualTo(201);
        assertThat(manager.put("/g/keep2", "text/plain", "2").statusCode()).isEqualTo(201);
        addLegacyChild("/g", "index_html");
        before = snapshot();
        String folder = site.anonymous().get("/g/@@json").body();
        assertThat(folder).contains("\"keep1\"").contains("\"keep2\"").contains("\"index_html\"");

        assertRefused(manager.delete("/g/index_html?recursive=true"));
        assertThat(site.anonymous().get("/g/@@json").body()).isEqualTo(folder);
    }

    private void addLegacyChild(String folderPath, String name) {
        try (Transaction transaction = site.application().store().begin(Site.MANAGER, false)) {
            Folder folder = (Folder) transaction.load(transaction.root().child(folderPath.substring(1)).oid());
            transaction.createChild(folder, name, new NewContent(ContentKind.PAGE, name, Page.PLAIN_TEXT,
                    "legacy".getBytes(StandardCharsets.UTF_8)), folderPath + "/" + name);
            transaction.commit();
        }
    }

    private String snapshot() {
        Http anonymous = site.anonymous();
        return anonymous.get("/@@json").body() + anonymous.get("/f/@@json").body() + anonymous.get("/f/p").body()
                + anonymous.get("/f/p").headers().firstValue("ETag").orElseThrow();
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(response.body()).contains("addresses a view, which is only read");
    }

}

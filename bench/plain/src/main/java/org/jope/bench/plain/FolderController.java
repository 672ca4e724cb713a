package org.jope.bench.plain;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The root folder's listing as a user would write it with Spring MVC and JdbcTemplate: one query a request, each
 * child's name and title escaped into the same HTML that Jope's folder listing gives, and no cache.
 */
@RestController
class FolderController {

    private final JdbcTemplate jdbc;

    FolderController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String root() {
        String title = jdbc.queryForObject("SELECT title FROM folder WHERE id = 0", String.class);
        List<String> items = jdbc.query("SELECT name, title, kind FROM item WHERE folder_id = 0 ORDER BY position",
                (row, n) -> "<li><a href=\"/" + HtmlUtils.htmlEscape(row.getString("name")) + "\">"
                        + HtmlUtils.htmlEscape(row.getString("title")) + "</a> <small>"
                        + HtmlUtils.htmlEscape(row.getString("kind")) + "</small></li>\n");
        String escapedTitle = HtmlUtils.htmlEscape(title);
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escapedTitle + "</title></head>\n"
                + "<body>\n<h1>" + escapedTitle + "</h1>\n<ul>\n" + String.join("", items) + "</ul>\n</body></html>\n";
    }

}

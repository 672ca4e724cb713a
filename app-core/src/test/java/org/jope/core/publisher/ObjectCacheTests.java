package org.jope.core.publisher;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.Jope;
import org.jope.core.JopeApplication;
import org.jope.core.config.JopeConfig;
import org.jope.core.security.InitUserFile;
import org.jope.core.testing.Http;
import org.jope.core.testing.TomcatServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The object cache serves hot reads without SQL; statements are counted at the JDBC level by datasource-proxy. */
class ObjectCacheTests {

    @TempDir
    Path directory;

    @Test
    void hotReadsRunNoSqlAndWritesAreSeenAtOnce() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("data/jope");
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setAutoCommit(false);
        pool.setMaximumPoolSize(7);
        Path inituser = directory.resolve("inituser");
        // Counted on whichever thread runs the statement: the container's workers, not this one.
        AtomicLong statements = new AtomicLong();
        InitUserFile.addUser(inituser, "admin", "pw", 4);
        try (HikariDataSource hikari = new HikariDataSource(pool);
                JopeApplication application = Jope.create(
                        JopeConfig.builder().storeUrl(url).initUser(inituser).build(),
                        ProxyDataSourceBuilder.create(hikari)
                                .afterQuery((execution, queries) -> statements.addAndGet(queries.size()))
                                .build());
                TomcatServer server = new TomcatServer(application.servlet(), directory.resolve("tomcat"))) {
            Http http = new Http(server.url());
            assertThat(http.get("/").statusCode()).isEqualTo(200);

            long before = statements.get();
            for (int i = 0; i < 10_000; i++) {
                assertThat(http.get("/").statusCode()).isEqualTo(200);
            }
            assertThat(statements.get() - before).as("statements during 10,000 hot reads").isZero();

            assertThat(http.as("admin", "pw").put("/news", "text/plain", "fresh").statusCode()).isEqualTo(201);
            assertThat(statements.get() - before).as("the write reached the database").isPositive();
            assertThat(http.get("/").body()).contains("href=\"/news\"");
            assertThat(http.get("/news").body()).contains("fresh");
            assertThat(application.store().cache().stats().hitCount()).isGreaterThanOrEqualTo(10_000);
        }
    }

}

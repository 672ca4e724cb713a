package org.jope.testsite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.jope.core.security.InitUserFile;

/** Starts the test site as a real application on a random port, with a store of its own. */
public final class Sites {

    private Sites() {
    }

    public static ServletWebServerApplicationContext start(String type, Class<?>[] extraSources, String... properties) {
        return (ServletWebServerApplicationContext) builder(type, extraSources, properties).run();
    }

    /**
     * The test site with one manager, {@code admin} with the password {@code pw}, in an inituser file of its own
     * (at bcrypt's lowest cost, so that tests log in fast).
     */
    public static ServletWebServerApplicationContext startWithManager(String type, String... properties)
            throws IOException {
        Path inituser = Files.createDirectories(Path.of("target/managers", UUID.randomUUID().toString()))
                .resolve("inituser");
        InitUserFile.addUser(inituser, "admin", "pw", 4);
        List<String> all = new ArrayList<>(List.of(properties));
        all.add("jope.security.inituser=" + inituser.toAbsolutePath());
        return start(type, new Class<?>[0], all.toArray(String[]::new));
    }

    public static SpringApplicationBuilder builder(String type, Class<?>[] extraSources, String... properties) {
        List<String> all = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
                "jope.server.type=" + type, "spring.main.banner-mode=off",
                "jope.store.url=jdbc:h2:file:" + Path.of("target/stores", UUID.randomUUID().toString(), "jope")
                        .toAbsolutePath()));
        all.addAll(List.of(properties));
        List<Class<?>> sources = new ArrayList<>(List.of(TestSite.class));
        sources.addAll(List.of(extraSources));
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).properties(all.toArray(String[]::new));
    }

    public static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

}

package org.jope.demo.instance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigTemplateTests {

    @Test
    void quotesWhatYamlWouldReadAsSomethingElse() throws IOException {
        List<JopeProperty> properties = List.of(
                new JopeProperty("jope.a.mode", "An enum whose value YAML 1.1 calls a boolean.", "off"),
                new JopeProperty("jope.a.format", "A format with quotes, a colon and a hash.",
                        "%h \"%r\" x: y #1"),
                new JopeProperty("jope.a.url", "A URL.", "jdbc:h2:file:./var/data/jope"),
                new JopeProperty("jope.a.proxies", "A list.", List.of("10.0.0.1", "10.0.0.2")),
                new JopeProperty("jope.a.number-like", "A string that looks like a number.", "010"),
                new JopeProperty("jope.a.enabled", "A boolean.", true),
                new JopeProperty("jope.a.size", "A number.", 5000));

        String uncommented = ConfigTemplate.render(properties).replaceAll("(?m)^#jope\\.", "jope.");

        PropertySource<?> loaded = new YamlPropertySourceLoader()
                .load("config", new ByteArrayResource(uncommented.getBytes(StandardCharsets.UTF_8))).get(0);
        assertThat(loaded.getProperty("jope.a.mode")).hasToString("off");
        assertThat(loaded.getProperty("jope.a.format")).hasToString("%h \"%r\" x: y #1");
        assertThat(loaded.getProperty("jope.a.url")).hasToString("jdbc:h2:file:./var/data/jope");
        assertThat(loaded.getProperty("jope.a.proxies")).hasToString("10.0.0.1,10.0.0.2");
        assertThat(loaded.getProperty("jope.a.number-like")).hasToString("010");
        assertThat(loaded.getProperty("jope.a.enabled")).hasToString("true");
        assertThat(loaded.getProperty("jope.a.size")).hasToString("5000");
    }

    @Test
    void wrapsLongDescriptionsIntoComments() {
        String description = "word ".repeat(60).strip();

        String yaml = ConfigTemplate.render(List.of(new JopeProperty("jope.long", description, null)));

        assertThat(yaml.lines().filter((line) -> line.startsWith("# word"))).hasSizeGreaterThan(2)
                .allMatch((line) -> line.length() <= 118);
        assertThat(yaml).endsWith("\n#jope.long:\n");
    }

}

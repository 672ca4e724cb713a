package org.jope.autoconfigure.web;

import io.undertow.Version;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An Undertow older than its strict request parser is warned about, naming the property that moves it on. */
class UndertowVersionWarningTests {

    @Test
    void anUndertowBeforeTheStrictParserIsWarnedAbout() {
        assertThat(UndertowVersionWarning.of("2.3.24.Final")).hasValueSatisfying((warning) -> assertThat(warning)
                .contains("Undertow 2.3.24.Final").contains("bare CR").contains("undertow.version"));
        assertThat(UndertowVersionWarning.of("2.2.40.Final")).isPresent();
        assertThat(UndertowVersionWarning.of("1.4.28.Final")).isPresent();
    }

    @Test
    void theStrictParserAndAVersionThatCannotBeReadAreNot() {
        assertThat(UndertowVersionWarning.of("2.3.25.Final")).isEmpty();
        assertThat(UndertowVersionWarning.of("2.3.27.Final")).isEmpty();
        assertThat(UndertowVersionWarning.of("2.4.0.Final")).isEmpty();
        assertThat(UndertowVersionWarning.of("3.0.0.Alpha1")).isEmpty();
        assertThat(UndertowVersionWarning.of("development")).isEmpty();
    }

    @Test
    void theUndertowThisBuildRunsOnIsNotWarnedAbout() {
        assertThat(UndertowVersionWarning.of(Version.getVersionString())).isEmpty();
    }

}

package org.jope.core.security;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The managers' file: a missing one has no users, but one that cannot be read stops the start and says where. */
class InitUserFileTests {

    @TempDir
    Path directory;

    @Test
    void aMissingFileHasNoUsers() {
        assertThat(InitUserFile.read(directory.resolve("inituser")).isEmpty()).isTrue();
    }

    @Test
    void aDirectoryWhereTheFileShouldBeIsNamed() throws Exception {
        Path inituser = Files.createDirectory(directory.resolve("inituser"));

        assertThatExceptionOfType(InitUserFileException.class).isThrownBy(() -> InitUserFile.read(inituser))
                .withMessage("The managers' file " + inituser + " is a directory; it must be a file, one "
                        + "name:{bcrypt}hash a line")
                .satisfies((ex) -> assertThat(ex.path()).isEqualTo(inituser));
    }

}

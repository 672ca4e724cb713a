package org.jope.demo.instance;

import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import org.jope.core.security.InitUserFile;

/**
 * Adds managers to an inituser file through the core, which writes only bcrypt hashes. A new file is made readable
 * by its owner alone, since a hash still invites an offline guess.
 */
final class InitUsers {

    private InitUsers() {
    }

    /**
     * Adds {@code name} and wipes {@code password} afterwards, whether or not it was added. A file this call created
     * is removed again when the name is refused, so that a typo leaves no empty inituser behind.
     *
     * @throws IllegalArgumentException if the name is taken or not a valid name
     */
    static void add(Path file, String name, char[] password) throws IOException {
        boolean created = false;
        try {
            if (Files.notExists(file)) {
                createForOwnerOnly(file);
                created = true;
            }
            InitUserFile.addUser(file, name, CharBuffer.wrap(password));
        }
        catch (RuntimeException ex) {
            if (created) {
                Files.deleteIfExists(file);
            }
            throw ex;
        }
        finally {
            Arrays.fill(password, '\0');
        }
    }

    private static void createForOwnerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        else {
            Files.createFile(file);
        }
    }

}

package org.jope.core.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Zope's inituser: one manager a line, {@code name:{bcrypt}hash}. Only hashes are ever written; the id in braces
 * names the algorithm, so that older hashes keep verifying after the default changes.
 */
public final class InitUserFile {

    /** BCrypt's own default cost: about 0.1 s a check on a current core. */
    public static final int DEFAULT_BCRYPT_STRENGTH = 10;

    private static final PasswordEncoder DEFAULT_ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final Path path;

    private final Map<String, String> hashes;

    private final PasswordEncoder encoder;

    private InitUserFile(Path path, Map<String, String> hashes, PasswordEncoder encoder) {
        this.path = path;
        this.hashes = hashes;
        this.encoder = encoder;
    }

    /**
     * Reads the file; a missing file has no users, so every write is refused.
     *
     * @throws InitUserFileException if a directory stands where the file should be, or the file cannot be read
     */
    public static InitUserFile read(Path path) {
        Map<String, String> hashes = new LinkedHashMap<>();
        if (Files.isDirectory(path)) {
            throw new InitUserFileException(path, "is a directory; it must be a file, one name:{bcrypt}hash a line",
                    new FileSystemException(path.toString(), null, "Is a directory"));
        }
        if (Files.exists(path)) {
            for (String line : readLines(path)) {
                int colon = line.indexOf(':');
                if (!line.isBlank() && colon > 0) {
                    hashes.put(line.substring(0, colon), line.substring(colon + 1).strip());
                }
            }
        }
        return new InitUserFile(path, Map.copyOf(hashes), DEFAULT_ENCODER);
    }

    /**
     * Appends a user with a bcrypt-hashed password of the given cost. A name that is already present is refused, so that a typo never
     * replaces a working login.
     */
    public static void addUser(Path path, String name, CharSequence password, int bcryptStrength) {
        requireValidName(name);
        if (read(path).hasUser(name)) {
            throw new IllegalArgumentException("User '" + name + "' is already in " + path);
        }
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(bcryptStrength).encode(password);
        String line = name + ":" + hash + System.lineSeparator();
        try {
            Files.writeString(path, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write " + path, ex);
        }
    }

    public static void addUser(Path path, String name, CharSequence password) {
        addUser(path, name, password, DEFAULT_BCRYPT_STRENGTH);
    }

    /**
     * Checks a name as {@link #addUser} does, so that a command can refuse it before it writes anything.
     *
     * @throws IllegalArgumentException if the name is empty or holds a ':' or whitespace, which the file's format
     * cannot carry
     */
    public static void requireValidName(String name) {
        if (name.isEmpty() || name.indexOf(':') >= 0 || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "A user name must not be empty or contain ':' or spaces: '" + name + "'");
        }
    }

    public boolean hasUser(String name) {
        return hashes.containsKey(name);
    }

    public boolean isEmpty() {
        return hashes.isEmpty();
    }

    public boolean verify(String name, String password) {
        String hash = hashes.get(name);
        if (hash == null) {
            return false;
        }
        try {
            return encoder.matches(password, hash);
        }
        catch (IllegalArgumentException ex) {
            // A line without a known {id} prefix never matches, rather than failing the request.
            return false;
        }
    }

    public Path path() {
        return path;
    }

    private static List<String> readLines(Path path) {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new InitUserFileException(path, "could not be read: " + ex, ex);
        }
    }

}

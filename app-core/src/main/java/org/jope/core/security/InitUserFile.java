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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Zope's inituser as it was read: one manager a line, {@code name:{bcrypt}hash}. Only hashes are ever written; the
 * id in braces names the algorithm, so that older hashes keep verifying after the default changes. A value of this
 * type never changes; {@link ManagerFile} reads a new one when the file changes.
 */
public final class InitUserFile {

    /** BCrypt's own default cost: about 0.1 s a check on a current core. */
    public static final int DEFAULT_BCRYPT_STRENGTH = 10;

    private static final PasswordEncoder DEFAULT_ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static final Pattern HASH = Pattern.compile("\\{[^{}\\s]+}\\S+");

    /** A whole bcrypt hash: a line cut short while it was written would otherwise never match, without a word. */
    private static final Pattern BCRYPT = Pattern.compile(
            "\\{bcrypt}\\$2[abxy]?\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

    private static final Map<Integer, String> UNKNOWN_USER_HASHES = new ConcurrentHashMap<>();

    private static final Logger logger = LoggerFactory.getLogger(InitUserFile.class);

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
            List<String> lines = readLines(path);
            for (int number = 1; number <= lines.size(); number++) {
                String line = lines.get(number - 1);
                if (!line.isBlank()) {
                    add(hashes, line, number, path);
                }
            }
        }
        return new InitUserFile(path, Map.copyOf(hashes), DEFAULT_ENCODER);
    }

    /**
     * One line into the map, or a warning that names its number: a bad line (a half-written one, an edit gone wrong)
     * loses that user and no other. The line itself is not logged, since it holds a hash.
     */
    private static void add(Map<String, String> hashes, String line, int number, Path path) {
        int colon = line.indexOf(':');
        String name = (colon > 0) ? line.substring(0, colon) : null;
        String hash = (colon > 0) ? line.substring(colon + 1).strip() : null;
        String problem = null;
        if (name == null || !isValidName(name)) {
            problem = "it is not name:{id}hash with a name free of spaces";
        }
        else if (!HASH.matcher(hash).matches() || (hash.startsWith("{bcrypt}") && !BCRYPT.matcher(hash).matches())) {
            problem = "its hash is not {id}hash, such as {bcrypt}$2a$10$... from jopectl adduser";
        }
        else if (hashes.containsKey(name)) {
            problem = "'" + name + "' is on an earlier line already, which is kept";
        }
        if (problem != null) {
            logger.warn("Line {} of the managers' file {} was skipped: {}", number, path.toAbsolutePath(), problem);
        }
        else {
            hashes.put(name, hash);
        }
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
        if (!isValidName(name)) {
            throw new IllegalArgumentException(
                    "A user name must not be empty or contain ':' or spaces: '" + name + "'");
        }
    }

    private static boolean isValidName(String name) {
        return !name.isEmpty() && name.indexOf(':') < 0 && name.chars().noneMatch(Character::isWhitespace);
    }

    public boolean hasUser(String name) {
        return hashes.containsKey(name);
    }

    public int size() {
        return hashes.size();
    }

    public boolean isEmpty() {
        return hashes.isEmpty();
    }

    /**
     * Whether the password is the user's. An unknown name is checked against a hash of the same cost as the file's
     * first bcrypt hash, so that it takes as long as a wrong password for a known name and does not tell which names
     * exist.
     */
    public boolean verify(String name, String password) {
        String hash = hashes.get(name);
        if (hash == null) {
            encoder.matches(password, unknownUserHash());
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

    /**
     * The hash that an unknown name is checked against: made once per bcrypt cost in the process, from a random
     * password, so that no password matches it. {@link ManagerFile} asks for it when it reads the file, so that the
     * first unknown name does not pay for making it.
     */
    String unknownUserHash() {
        int cost = hashes.values().stream().map(BCRYPT::matcher).filter(Matcher::matches).findFirst()
                .map((bcrypt) -> Integer.parseInt(bcrypt.group(1))).orElse(DEFAULT_BCRYPT_STRENGTH);
        return UNKNOWN_USER_HASHES.computeIfAbsent(cost, (strength) -> "{bcrypt}"
                + new BCryptPasswordEncoder(strength).encode(UUID.randomUUID().toString()));
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

package org.jope.core.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The logins that bcrypt accepted lately, so that a manager's next requests cost microseconds instead of a hash.
 * The cache holds an HMAC of name and password under a key made at random when the process starts, never the
 * password, and nothing that outlives the process. Each entry remembers the managers' file it was checked against,
 * and counts only while that is the file in force: a changed password or a removed manager fails at once.
 */
final class VerifiedLogins {

    /** How long one bcrypt check stands for: a removed login stays good no longer than this without a file change. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** Entries kept; one is a few hundred bytes. */
    static final int MAXIMUM_SIZE = 1_000;

    private static final String ALGORITHM = "HmacSHA256";

    private final Cache<String, InitUserFile> verified = Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE)
            .expireAfterWrite(LIFETIME).build();

    private final SecretKeySpec key;

    VerifiedLogins() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** Whether bcrypt accepted these credentials against this very file within the lifetime. */
    boolean contains(BasicCredentials credentials, InitUserFile users) {
        return verified.getIfPresent(keyOf(credentials)) == users;
    }

    void add(BasicCredentials credentials, InitUserFile users) {
        verified.put(keyOf(credentials), users);
    }

    /** Forgets every login, when the managers' file changed. */
    void clear() {
        verified.invalidateAll();
    }

    private String keyOf(BasicCredentials credentials) {
        try {
            // Mac instances are not thread-safe, and a new one costs about a microsecond.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // A name never holds ':', so name:password reads back one way only.
            byte[] hash = mac.doFinal((credentials.name() + ':' + credentials.password())
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", ex);
        }
    }

}

package org.jope.core.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.jope.core.errors.ServiceUnavailable;

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

    /** Longer than a check takes even behind a full queue; past it the waiting request is answered 503. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Cache<String, InitUserFile> verified = Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE)
            .expireAfterWrite(LIFETIME).build();

    private final ConcurrentMap<String, Check> checking = new ConcurrentHashMap<>();

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

    /**
     * Whether the credentials are right for this file: from the cache, or else by {@code check}, a password check.
     * Requests that bring the same credentials while their check runs wait for its answer instead of running their
     * own, so that a manager's tool that opens with parallel uploads pays one hash, not one each.
     */
    boolean verify(BasicCredentials credentials, InitUserFile users, BooleanSupplier check) {
        String key = keyOf(credentials);
        if (verified.getIfPresent(key) == users) {
            return true;
        }
        Check mine = new Check(users, new CompletableFuture<>());
        Check running = checking.putIfAbsent(key, mine);
        if (running != null && running.users() == users) {
            return running.answer(WAIT);
        }
        try {
            boolean right = check.getAsBoolean();
            if (right) {
                verified.put(key, users);
            }
            mine.answer().complete(right);
            return right;
        }
        catch (RuntimeException ex) {
            mine.answer().completeExceptionally(ex);
            throw ex;
        }
        finally {
            checking.remove(key, mine);
        }
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

    /** A password check that runs, for the file it runs against. */
    private record Check(InitUserFile users, CompletableFuture<Boolean> answer) {

        boolean answer(Duration wait) {
            try {
                return answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (ExecutionException ex) {
                // The same refusal as the request that ran the check: 503 when too many logins were being checked.
                throw (ex.getCause() instanceof RuntimeException cause) ? cause : new IllegalStateException(ex);
            }
            catch (TimeoutException ex) {
                throw new ServiceUnavailable("The login waited too long to be checked.");
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new ServiceUnavailable("The request was interrupted while its login waited to be checked.");
            }
        }

    }

}

package dev.accrue.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an API key: {@code ak_<8 lower-case letters/digits>_<43 base64url characters>}. The first
 * part (with {@code ak_}) is the prefix stored in the clear to find the key and shown in listings; the
 * secret carries 256 random bits. Only the SHA-256 of the whole text is stored: a fast hash is enough
 * for a random secret that long (nothing to guess), and it keeps each request's check cheap.
 */
public final class ApiKeys {
    public static final int SECRET_BYTES = 32;
    static final int PREFIX_CHARS = 8;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern FORM = Pattern.compile("(ak_[a-z0-9]{" + PREFIX_CHARS + "})_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    /** A new key's text and prefix. */
    public record Fresh(String text, String prefix) {}

    public static Fresh generate() {
        StringBuilder prefix = new StringBuilder("ak_");
        for (int i = 0; i < PREFIX_CHARS; i++) prefix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String text = prefix + "_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Fresh(text, prefix.toString());
    }

    /** Attempts to draw a prefix nobody has; with 36^8 prefixes a clash is rare, two in a row rarer still. */
    static final int ISSUE_ATTEMPTS_MAX = 5;

    /** A key issued to {@code userId}: stored hashed; the returned text is the only copy, shown once. */
    public record Issued(dev.accrue.http.port.ApiKey key, String text) {}

    public static Issued issue(dev.accrue.http.port.AccessStore store, long userId, String label, Long by, java.time.Instant at) {
        for (int attempt = 1; ; attempt++) {
            Fresh fresh = generate();
            try {
                return new Issued(store.createKey(userId, fresh.prefix(), sha256(fresh.text()), label, by, at), fresh.text());
            } catch (dev.accrue.http.port.StoreConflictException e) {
                if (e.kind() != dev.accrue.http.port.StoreConflictException.Kind.DUPLICATE || attempt >= ISSUE_ATTEMPTS_MAX) throw e;
            }
        }
    }

    /** The prefix of a key of the right form, or empty. */
    static Optional<String> prefixOf(String text) {
        Matcher matcher = FORM.matcher(text);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    public static String sha256(String text) {
        return Sha256.hex(text);
    }

    /** Compares in constant time, so the time taken says nothing about how much of a guess was right. */
    static boolean matches(String text, String storedSha256) {
        return MessageDigest.isEqual(sha256(text).getBytes(StandardCharsets.US_ASCII), storedSha256.getBytes(StandardCharsets.US_ASCII));
    }
}

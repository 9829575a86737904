package dev.accrue.core.program;

import java.util.regex.Pattern;

/** A program's slug, e.g. {@code distributor-growth-2026}. */
public record ProgramId(String value) implements Comparable<ProgramId> {
    public static final int LENGTH_MAX = 80;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public ProgramId {
        if (value == null || value.length() > LENGTH_MAX || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("a program id is a slug of lower-case letters, digits, '-' and '_' (at most "
                    + LENGTH_MAX + " characters), got '" + value + "'");
        }
    }

    @Override
    public int compareTo(ProgramId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

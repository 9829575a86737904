package dev.accrue.core.ledger;

/** Checks shared by the ledger's ids and user data: bounded, non-blank, no control characters. */
final class LedgerText {
    private LedgerText() {}

    static void requirePrintable(String value, int lengthMax, String what) {
        if (value.isEmpty() || value.length() > lengthMax) {
            throw new IllegalArgumentException(what + " has 1 to " + lengthMax + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // Control characters and spaces would make ids ambiguous in logs, CSV exports and the CLI.
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException(what + " has no spaces or control characters, got '" + value + "'");
            }
        }
    }
}

package io.payonator.api;

/**
 * Case-insensitive matching of the format's names (types, header columns) over ASCII letters only.
 * Java's own case folding is Unicode's: it would take {@code depoſit} (long s) or {@code wıthdrawal}
 * (dotless i) for the real names, and a ledger must not accept a look-alike as a transaction type.
 */
public final class AsciiCase {

    private AsciiCase() {
    }

    /** Whether {@code text} spells {@code lowerCaseName} with any mix of ASCII upper and lower case. */
    public static boolean equalsIgnoreCase(String lowerCaseName, String text) {
        if (text.length() != lowerCaseName.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (toLower(text.charAt(i)) != lowerCaseName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static char toLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}

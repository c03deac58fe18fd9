package nl.nabij.database;

import java.util.Locale;

/** Reads sizes such as {@code 512m} or {@code 2g}, the notation Neo4j's own configuration uses. */
final class ByteSizes {

    private ByteSizes() {}

    static long parse(String size) {
        String value = size.trim().toLowerCase(Locale.ROOT);
        long factor =
                switch (value.charAt(value.length() - 1)) {
                    case 'k' -> 1L << 10;
                    case 'm' -> 1L << 20;
                    case 'g' -> 1L << 30;
                    default -> 1L;
                };
        String digits = factor == 1L ? value : value.substring(0, value.length() - 1);
        return Long.parseLong(digits.trim()) * factor;
    }
}

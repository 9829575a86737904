package dev.accrue.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque page cursor: the sort key of the last item on the page, base64url-encoded. Clients pass it
 * back as {@code cursor} for the next page; {@code next_cursor} is null on the last page.
 */
final class Cursor {
    private static final String VERSION = "1:";

    private Cursor() {}

    static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key in {@code cursor}, null for none, or a 400. */
    static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) return null;
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(VERSION)) throw ApiException.badRequest("the cursor is not one this server gave");
            return text.substring(VERSION.length());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the cursor is not one this server gave");
        }
    }

    /** The page size asked for with {@code limit}, the default when absent, or a 400 past the limit. */
    static int pageSize(String limit) {
        if (limit == null) return Limits.PAGE_SIZE_DEFAULT;
        try {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= Limits.PAGE_SIZE_MAX) return size;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ApiException.badRequest("limit is a whole number from 1 to " + Limits.PAGE_SIZE_MAX + ", got '" + limit + "'");
    }
}

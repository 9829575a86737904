package dev.accrue.http;

/** Limits on what a request may carry. Exceeding one is a 4xx that names the limit. */
public final class Limits {
    /** Bytes in one request body (Jetty refuses more with 413). */
    public static final long BODY_BYTES_MAX = 1024 * 1024;
    /** Items on one page of a list; a request may ask for fewer with {@code limit}. */
    public static final int PAGE_SIZE_MAX = 200;
    public static final int PAGE_SIZE_DEFAULT = 50;
    /** Programs listed by {@code GET /programs}, and versions listed for one program. */
    public static final int PROGRAMS_LISTED_MAX = 1_000;
    public static final int VERSIONS_LISTED_MAX = 1_000;
    /** Characters in a name (partner, user) or a key label. */
    public static final int NAME_LENGTH_MAX = 200;
    /** Characters in a partner id (a slug: letters, digits, '.', '_', '-'). */
    public static final int PARTNER_ID_LENGTH_MAX = 80;
    /** Characters in a partner type or tier. */
    public static final int TYPE_LENGTH_MAX = 40;
    /** Attributes of one partner version, characters in an attribute name, bytes of all attributes as JSON. */
    public static final int ATTRIBUTES_MAX = 100;
    public static final int ATTRIBUTE_NAME_LENGTH_MAX = 64;
    public static final int ATTRIBUTES_JSON_BYTES_MAX = 16 * 1024;
    /** Nesting of lists and objects inside an attribute value. */
    public static final int ATTRIBUTE_DEPTH_MAX = 4;
    /** Steps followed up a partner's parent chain when checking for a cycle; deeper chains are refused. */
    public static final int PARENT_DEPTH_MAX = 16;
    /** Events in one {@code POST /events} request; more is a 413 and nothing is stored. */
    public static final int EVENTS_PER_REQUEST_MAX = 10_000;
    /** Bytes in one {@code POST /events} body: room for a full batch of events of 1.6 KiB on average. */
    public static final long EVENTS_BODY_BYTES_MAX = 16L * 1024 * 1024;
    /**
     * {@code POST /events} requests read and processed at once; more wait for a turn (their bodies stay
     * unread), up to {@link #EVENT_REQUEST_WAIT_SECONDS_MAX}, then get a 503. Bounds the memory that
     * bodies of up to {@link #EVENTS_BODY_BYTES_MAX} take, and the database connections they hold.
     */
    public static final int EVENT_REQUESTS_AT_ONCE_MAX = 8;
    public static final int EVENT_REQUEST_WAIT_SECONDS_MAX = 30;
    /** The years an event may happen in (UTC): what PostgreSQL's timestamps hold, and far beyond any real activity. */
    public static final int EVENT_YEAR_MIN = 1;
    public static final int EVENT_YEAR_MAX = 9999;
    /** Validation errors listed in one problem. */
    public static final int ERRORS_LISTED_MAX = 100;

    private Limits() {}
}

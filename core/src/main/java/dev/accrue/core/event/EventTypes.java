package dev.accrue.core.event;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event types of the contract (DESIGN.md, "Events") with the data fields each must carry and the
 * fields that hold decimal amounts (strings in JSON, exact decimals inside).
 */
public final class EventTypes {
    public static final String SALE = "sale";
    public static final String RETURN = "return";
    public static final String PAYMENT = "payment";
    public static final String REFUND = "refund";
    public static final String CONVERSION = "conversion";
    public static final String USAGE = "usage";

    /** Type → required data fields. */
    public static final Map<String, List<String>> REQUIRED_FIELDS = Map.ofEntries(
            Map.entry(SALE, List.of("line_id", "net_amount")),
            Map.entry(RETURN, List.of("original_line_id", "net_amount")),
            Map.entry("referral.click", List.of("code")),
            Map.entry("referral.signup", List.of("customer_id")),
            Map.entry("referral.conversion", List.of("customer_id")),
            Map.entry(PAYMENT, List.of("customer_id", "amount")),
            Map.entry(REFUND, List.of("customer_id", "amount")),
            Map.entry("campaign.touch", List.of("campaign", "customer_id")),
            Map.entry(CONVERSION, List.of("customer_id", "amount")),
            Map.entry("seller.activated", List.of()),
            Map.entry("integration.milestone", List.of("milestone")),
            Map.entry(USAGE, List.of("metric", "quantity")),
            Map.entry("serial.registered", List.of("serial_number")),
            Map.entry("warranty.registered", List.of("serial_number")),
            Map.entry("pm.enrolled", List.of("serial_number")),
            Map.entry("service.renewed", List.of("serial_number")),
            Map.entry("certification.completed", List.of()),
            Map.entry("payment.received", List.of("invoice")));

    /** Data fields that hold decimal amounts as strings; a JSON number there is refused (no floats for money). */
    public static final Set<String> AMOUNT_FIELDS = Set.of("net_amount", "amount");

    /** Data fields that hold whole numbers (a JSON integer, not a string or a fraction). */
    public static final Set<String> INTEGER_FIELDS = Set.of("quantity", "days_late");

    /** The data field naming the ISO 4217 currency of the event's amounts. */
    public static final String CURRENCY_FIELD = "currency";

    private EventTypes() {}

    public static boolean isKnown(String type) {
        return REQUIRED_FIELDS.containsKey(type);
    }
}

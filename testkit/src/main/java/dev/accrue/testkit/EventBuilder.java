package dev.accrue.testkit;

import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventTypes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds one {@link Event}. The time is required (a test about money should say when); everything else
 * has a named setter for the contract's fields and {@link #data} for the rest. Built events are checked
 * like parsed ones: a known type and the data fields that type requires.
 */
public final class EventBuilder {
    private final String id;
    private final String type;
    private Instant occurredAt;
    private String partnerId;
    private final Map<String, Object> data = new LinkedHashMap<>();

    EventBuilder(String id, String type) {
        this.id = Objects.requireNonNull(id, "id");
        if (!EventTypes.isKnown(type)) throw new IllegalArgumentException("unknown event type '" + type + "'");
        this.type = type;
    }

    public EventBuilder at(Instant instant) {
        occurredAt = Objects.requireNonNull(instant, "instant");
        return this;
    }

    /** An ISO-8601 instant with offset, e.g. {@code 2026-01-10T15:00:00Z}. */
    public EventBuilder at(String instant) {
        return at(Instant.parse(instant));
    }

    public EventBuilder partner(String partnerId) {
        this.partnerId = partnerId;
        return this;
    }

    /** Any data field; Integer becomes Long, and amounts given as text become exact decimals. */
    public EventBuilder data(String key, Object value) {
        if (EventTypes.AMOUNT_FIELDS.contains(key) && value instanceof String text) value = new BigDecimal(text);
        data.put(key, Values.normalize(value));
        return this;
    }

    /** Removes a data field, to build an event that lacks one. */
    public EventBuilder without(String key) {
        data.remove(key);
        return this;
    }

    /** The type's amount: {@code net_amount} of a sale or return, {@code amount} otherwise. */
    public EventBuilder amount(String decimal) {
        String field = type.equals(EventTypes.SALE) || type.equals(EventTypes.RETURN) ? "net_amount" : "amount";
        return data(field, new BigDecimal(decimal));
    }

    public EventBuilder lineId(String lineId) {
        return data("line_id", lineId);
    }

    public EventBuilder sku(String sku) {
        return data("sku", sku);
    }

    public EventBuilder family(String productFamily) {
        return data("product_family", productFamily);
    }

    public EventBuilder quantity(long quantity) {
        return data("quantity", quantity);
    }

    public EventBuilder currency(String currency) {
        return data("currency", currency);
    }

    public EventBuilder customer(String customerId) {
        return data("customer_id", customerId);
    }

    public EventBuilder newCustomer(boolean newCustomer) {
        return data("new_customer", newCustomer);
    }

    public EventBuilder channel(String channel) {
        return data("channel", channel);
    }

    public EventBuilder rep(String repId) {
        return data("rep_id", repId);
    }

    public EventBuilder serials(String... serialNumbers) {
        return data("serial_numbers", List.of(serialNumbers));
    }

    public EventBuilder serialNumber(String serialNumber) {
        return data("serial_number", serialNumber);
    }

    public EventBuilder dealRegistration(String registrationId) {
        return data("deal_registration", registrationId);
    }

    public EventBuilder invoice(String invoice) {
        return data("invoice", invoice);
    }

    public EventBuilder code(String code) {
        return data("code", code);
    }

    public EventBuilder visitor(String visitorId) {
        return data("visitor_id", visitorId);
    }

    public EventBuilder campaign(String campaign) {
        return data("campaign", campaign);
    }

    public EventBuilder milestone(String milestone) {
        return data("milestone", milestone);
    }

    public EventBuilder metric(String metric) {
        return data("metric", metric);
    }

    public Event build() {
        if (occurredAt == null) throw new IllegalStateException("event " + id + ": say when it happened with at(...)");
        for (String field : EventTypes.REQUIRED_FIELDS.get(type)) {
            if (!data.containsKey(field)) throw new IllegalStateException("event " + id + ": a " + type + " event needs " + field);
        }
        return new Event(id, type, occurredAt, partnerId, data);
    }

    /** The event as one line of the contract's JSON, without the newline. */
    public String json() {
        return ContractJson.event(build());
    }
}

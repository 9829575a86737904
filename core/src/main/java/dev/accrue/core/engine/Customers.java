package dev.accrue.core.engine;

import dev.accrue.core.event.Event;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Referred customers as the engine learns them from events: who referred them (the partner of their
 * sign-up) and when they converted, so that {@code customer.months_since_conversion} can be judged and a
 * customer's payments credited to the referring partner.
 */
final class Customers {
    private record Customer(String referrer, Instant signedUpAt, Instant convertedAt) {}

    private final Map<String, Customer> customers = new HashMap<>();

    void observe(Event event, String partnerId) {
        switch (event.type()) {
            case "referral.signup" -> {
                String customerId = EventFields.string(event, "customer_id");
                if (customerId != null && partnerId != null) customers.putIfAbsent(customerId, new Customer(partnerId, event.occurredAt(), null));
            }
            case "referral.conversion" -> {
                String customerId = EventFields.string(event, "customer_id");
                if (customerId != null) {
                    customers.computeIfPresent(customerId, (id, customer) -> customer.convertedAt() != null
                            ? customer : new Customer(customer.referrer(), customer.signedUpAt(), event.occurredAt()));
                }
            }
            default -> { }
        }
    }

    String referrer(String customerId) {
        Customer customer = customerId == null ? null : customers.get(customerId);
        return customer == null ? null : customer.referrer();
    }

    /** The customer as conditions see it at {@code at}; empty for a customer nobody referred. */
    Map<String, Object> view(String customerId, Instant at) {
        Customer customer = customerId == null ? null : customers.get(customerId);
        if (customer == null) return Map.of();
        Instant converted = customer.convertedAt() != null ? customer.convertedAt() : customer.signedUpAt();
        long months = ChronoUnit.MONTHS.between(converted.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC));
        Map<String, Object> view = new HashMap<>();
        view.put("id", customerId);
        view.put("referring_partner", customer.referrer());
        view.put("signed_up_at", customer.signedUpAt().toString());
        view.put("converted_at", converted.toString());
        view.put("months_since_conversion", months);
        return view;
    }
}

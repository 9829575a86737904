package dev.accrue.core.condition;

import java.util.Map;

/**
 * What a condition sees. Each is a map of CEL values (String, Long, Double, Boolean, List, Map, Instant);
 * any may be empty when it does not apply (no event at period close, no customer outside referral and coop).
 *
 * @param partner  id, name, type, tier, parent, the attributes in force, and {@code attributes} itself
 * @param event    the event's data plus {@code type}, {@code occurred_at}, {@code date}
 * @param customer the referred or converting customer (referral, coop)
 * @param period   the partner's measures for the period so far (see {@code Measures})
 * @param prior    the previous period's measures
 */
public record ConditionInput(
        Map<String, Object> partner,
        Map<String, Object> event,
        Map<String, Object> customer,
        Map<String, Object> period,
        Map<String, Object> prior) {}

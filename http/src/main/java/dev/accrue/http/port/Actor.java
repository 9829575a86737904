package dev.accrue.http.port;

/**
 * Who made a request: the user behind the API key, their role and, for the partner role, the one
 * partner whose data they may see. Every use case gets one; approvals and the audit trail record it.
 */
public record Actor(long userId, String userName, Role role, String partnerId, long apiKeyId) {
    public Actor {
        if ((role == Role.PARTNER) != (partnerId != null)) {
            throw new IllegalArgumentException("a partner actor has a partner id, and only a partner actor");
        }
    }

    /** True when this actor is a partner user bound to another partner than {@code partnerId}. */
    public boolean isOtherPartnerThan(String partnerId) {
        return role == Role.PARTNER && !this.partnerId.equals(partnerId);
    }
}

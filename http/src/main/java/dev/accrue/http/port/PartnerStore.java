package dev.accrue.http.port;

import dev.accrue.core.partner.Partner;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Partners with their effective-dated versions. Writes fail with a {@link StoreConflictException} on a duplicate or a missing parent. */
public interface PartnerStore {
    Optional<Partner> partner(String id);

    /** Up to {@code limit} partners in id order after {@code afterId} (null: from the start); only {@code onlyId} when it is not null. */
    List<Partner> page(String afterId, int limit, String onlyId);

    Optional<String> parentOf(String id);

    /** The ids among {@code ids} that are partners. */
    Set<String> existing(Collection<String> ids);

    void create(Partner partner, long by, Instant at);

    /** Sets name and parent and adds the version; false when there is no such partner. */
    boolean addVersion(String id, String name, String parent, Partner.Version version, long by, Instant at);
}

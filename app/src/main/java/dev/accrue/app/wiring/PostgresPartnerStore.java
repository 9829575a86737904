package dev.accrue.app.wiring;

import dev.accrue.core.partner.Partner;
import dev.accrue.http.port.PartnerStore;
import dev.accrue.postgres.partners.PartnerRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The API's partner store on the PostgreSQL repository. */
final class PostgresPartnerStore implements PartnerStore {
    private final PartnerRepository repository;

    PostgresPartnerStore(PartnerRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Partner> partner(String id) {
        return repository.partner(id);
    }

    @Override
    public List<Partner> page(String afterId, int limit, String onlyId) {
        return repository.page(afterId, limit, onlyId);
    }

    @Override
    public Optional<String> parentOf(String id) {
        return repository.parentOf(id);
    }

    @Override
    public Set<String> existing(Collection<String> ids) {
        return repository.existing(ids);
    }

    @Override
    public void create(Partner partner, long by, Instant at) {
        Conflicts.run(() -> repository.create(partner, by, at));
    }

    @Override
    public boolean addVersion(String id, String name, String parent, Partner.Version version, long by, Instant at) {
        return Conflicts.translate(() -> repository.addVersion(id, name, parent, version, by, at));
    }
}

-- Partners and their effective-dated versions: type, tier and attributes in force from a time on.
-- Name and parent are not dated. A version is never changed: a correction is a new version.

CREATE TABLE partners (
    id          text        PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$'),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    parent_id   text        REFERENCES partners (id) CHECK (parent_id <> id),
    created_at  timestamptz NOT NULL,
    created_by  bigint      NOT NULL REFERENCES users (id),
    updated_at  timestamptz NOT NULL
);

CREATE INDEX partners_by_parent ON partners (parent_id);

CREATE TABLE partner_versions (
    partner_id      text        NOT NULL REFERENCES partners (id),
    effective_from  timestamptz NOT NULL,
    type            text        NOT NULL CHECK (type ~ '^[a-z][a-z0-9_]{0,39}$'),
    tier            text        CHECK (length(tier) BETWEEN 1 AND 40),
    attributes      jsonb       NOT NULL CHECK (jsonb_typeof(attributes) = 'object'),
    recorded_at     timestamptz NOT NULL,
    recorded_by     bigint      NOT NULL REFERENCES users (id),
    PRIMARY KEY (partner_id, effective_from)
);

CREATE TRIGGER partner_versions_immutable BEFORE UPDATE OR DELETE ON partner_versions
    FOR EACH ROW EXECUTE FUNCTION accrue_refuse_change();
CREATE TRIGGER partner_versions_no_truncate BEFORE TRUNCATE ON partner_versions
    FOR EACH STATEMENT EXECUTE FUNCTION accrue_refuse_change();

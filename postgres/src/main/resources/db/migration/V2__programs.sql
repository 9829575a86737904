-- Programs and their immutable versions. A version keeps the text as posted (YAML or JSON), the
-- canonical JSON the parser made of it and that JSON's SHA-256: posting a program whose canonical JSON
-- equals the latest version's makes no new version.

CREATE TABLE programs (
    id          text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,79}$'),
    created_at  timestamptz NOT NULL
);

CREATE TABLE program_versions (
    program_id        text        NOT NULL REFERENCES programs (id),
    version           integer     NOT NULL CHECK (version >= 1),
    name              text        NOT NULL,
    kind              text        NOT NULL,
    source_format     text        NOT NULL CHECK (source_format IN ('yaml', 'json')),
    source_text       text        NOT NULL,
    canonical_json    text        NOT NULL,
    canonical_sha256  text        NOT NULL CHECK (canonical_sha256 ~ '^[0-9a-f]{64}$'),
    effective_from    date        NOT NULL,
    created_by        bigint      NOT NULL REFERENCES users (id),
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (program_id, version)
);

CREATE TRIGGER program_versions_immutable BEFORE UPDATE OR DELETE ON program_versions
    FOR EACH ROW EXECUTE FUNCTION accrue_refuse_change();
CREATE TRIGGER program_versions_no_truncate BEFORE TRUNCATE ON program_versions
    FOR EACH STATEMENT EXECUTE FUNCTION accrue_refuse_change();

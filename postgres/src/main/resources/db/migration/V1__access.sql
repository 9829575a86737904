-- Who may call the API: users with one role each, and the API keys they sign in with.
-- A key is stored as the SHA-256 of its text; only its short prefix is kept in the clear, to find it.

CREATE FUNCTION accrue_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rows of % are immutable (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'raise_exception';
END;
$$;

CREATE TABLE users (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role        text        NOT NULL CHECK (role IN ('admin', 'program_manager', 'channel_manager', 'finance', 'partner')),
    -- A partner user sees only this partner's data. Not a foreign key: users are created before partners
    -- in an empty system, and a key for a partner that does not exist yet simply sees nothing.
    partner_id  text        CHECK (length(partner_id) BETWEEN 1 AND 80),
    created_at  timestamptz NOT NULL,
    created_by  bigint      REFERENCES users (id),
    CHECK ((role = 'partner') = (partner_id IS NOT NULL))
);

CREATE TABLE api_keys (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id),
    prefix      text        NOT NULL UNIQUE CHECK (prefix ~ '^[a-z0-9_]{4,32}$'),
    sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    label       text        CHECK (length(label) <= 200),
    created_at  timestamptz NOT NULL,
    created_by  bigint      REFERENCES users (id),
    revoked_at  timestamptz,
    revoked_by  bigint      REFERENCES users (id)
);

CREATE INDEX api_keys_by_user ON api_keys (user_id);

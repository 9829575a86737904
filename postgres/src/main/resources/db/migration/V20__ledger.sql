-- The ledger (docs/ledger.md), on TigerBeetle's model. Accounts, transfers and pending resolutions are
-- append-only: triggers below refuse UPDATE, DELETE and TRUNCATE, so a correction can only be a new
-- transfer. ledger_balances is a cache derived from the transfers, updated in the same transaction as
-- the transfers that change it; `accrue ledger verify` recomputes it from them.
-- Ids compare byte-wise (COLLATE "C"): faster than a locale's rules, and the order in which a batch
-- locks its accounts does not depend on the server's locale.

CREATE TABLE ledger_accounts (
    id                             text COLLATE "C" PRIMARY KEY,
    code                           text NOT NULL CHECK (code IN ('earnings', 'incentive_expense', 'payable', 'paid')),
    unit                           text NOT NULL,
    program                        text,
    payee                          text,
    debits_must_not_exceed_credits boolean NOT NULL,
    credits_must_not_exceed_debits boolean NOT NULL,
    CHECK (NOT (debits_must_not_exceed_credits AND credits_must_not_exceed_debits)),
    CHECK ((code = 'earnings') = (program IS NOT NULL AND payee IS NOT NULL))
);

-- One row per account, created with it. The flags are repeated here so that the constraints are also
-- checked by the database on every write, behind the same check in the core.
CREATE TABLE ledger_balances (
    account_id                     text COLLATE "C" PRIMARY KEY REFERENCES ledger_accounts (id),
    unit                           text NOT NULL,
    debits_pending_minor           bigint NOT NULL DEFAULT 0 CHECK (debits_pending_minor >= 0),
    debits_posted_minor            bigint NOT NULL DEFAULT 0 CHECK (debits_posted_minor >= 0),
    credits_pending_minor          bigint NOT NULL DEFAULT 0 CHECK (credits_pending_minor >= 0),
    credits_posted_minor           bigint NOT NULL DEFAULT 0 CHECK (credits_posted_minor >= 0),
    debits_must_not_exceed_credits boolean NOT NULL,
    credits_must_not_exceed_debits boolean NOT NULL,
    CONSTRAINT ledger_balances_debits_must_not_exceed_credits
        CHECK (NOT debits_must_not_exceed_credits OR debits_pending_minor + debits_posted_minor <= credits_posted_minor),
    CONSTRAINT ledger_balances_credits_must_not_exceed_debits
        CHECK (NOT credits_must_not_exceed_debits OR credits_pending_minor + credits_posted_minor <= debits_posted_minor)
);

CREATE TABLE ledger_transfers (
    id                text COLLATE "C" PRIMARY KEY,
    -- No foreign keys to ledger_accounts: the core checks that both accounts exist before a transfer is
    -- written, accounts can never be deleted, and a foreign key would lock the hot incentive expense row
    -- once per transfer (FOR KEY SHARE). `accrue ledger verify` checks the references instead.
    debit_account_id  text COLLATE "C" NOT NULL,
    credit_account_id text COLLATE "C" NOT NULL,
    amount_minor      bigint NOT NULL CHECK (amount_minor > 0),
    unit              text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('single_phase', 'pending', 'post_pending', 'void_pending')),
    pending_id        text COLLATE "C",
    timeout_seconds   bigint NOT NULL CHECK (timeout_seconds >= 0),
    -- ts + timeout for a pending transfer with a timeout: what the expiry job looks for.
    expires_at        timestamptz,
    linked            boolean NOT NULL,
    ts                timestamptz NOT NULL,
    code              text NOT NULL,
    program           text,
    partner           text,
    period            text,
    reference         text,
    CHECK (debit_account_id <> credit_account_id),
    CHECK ((kind IN ('post_pending', 'void_pending')) = (pending_id IS NOT NULL)),
    CHECK ((expires_at IS NOT NULL) = (kind = 'pending' AND timeout_seconds > 0))
);

-- Statements and balances as of a time read an account's transfers in time order.
CREATE INDEX ledger_transfers_debit_account ON ledger_transfers (debit_account_id, ts);
CREATE INDEX ledger_transfers_credit_account ON ledger_transfers (credit_account_id, ts);
CREATE INDEX ledger_transfers_expiry ON ledger_transfers (expires_at) WHERE expires_at IS NOT NULL;

-- How each pending transfer ended. The primary key makes "posted or voided, never both" a fact of the
-- database, even if two writers got past the locks at once.
CREATE TABLE ledger_pending_resolutions (
    pending_id  text COLLATE "C" PRIMARY KEY,  -- a ledger_transfers id; checked by the core and the verifier
    state       text NOT NULL CHECK (state IN ('posted', 'voided', 'expired')),
    resolved_by text COLLATE "C",              -- likewise
    resolved_at timestamptz NOT NULL,
    CHECK ((state = 'expired') = (resolved_by IS NULL))
);

CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger: % is append-only, % refused (a correction is a new transfer)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER ledger_accounts_append_only BEFORE UPDATE OR DELETE ON ledger_accounts
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_accounts_no_truncate BEFORE TRUNCATE ON ledger_accounts
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_transfers_append_only BEFORE UPDATE OR DELETE ON ledger_transfers
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_transfers_no_truncate BEFORE TRUNCATE ON ledger_transfers
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_pending_resolutions_append_only BEFORE UPDATE OR DELETE ON ledger_pending_resolutions
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_pending_resolutions_no_truncate BEFORE TRUNCATE ON ledger_pending_resolutions
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
-- Balances are updated (they are the cache) but never deleted: an account's row lives as long as it.
CREATE TRIGGER ledger_balances_no_delete BEFORE DELETE ON ledger_balances
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_balances_no_truncate BEFORE TRUNCATE ON ledger_balances
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

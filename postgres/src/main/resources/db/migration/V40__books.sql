-- The live books (docs/ledger.md, "Live earnings"): which earning lines exist, which periods are closed,
-- and the final earnings and adjustments with their explanations. What a line holds on the ledger is read
-- from the ledger itself (its transfer ids start with the line's hash), so nothing here can disagree with it.

CREATE TABLE book_lines (
    hash    text COLLATE "C" PRIMARY KEY,   -- LineKey.hash(): the transfers of the line are named after it
    program text NOT NULL,
    version integer NOT NULL,
    period  text NOT NULL,
    partner text NOT NULL,
    payee   text NOT NULL,
    track   text NOT NULL,
    rule    text NOT NULL,
    unit    text NOT NULL
);

CREATE TABLE period_closes (
    program   text NOT NULL,
    through   text NOT NULL,
    closed_at timestamptz NOT NULL,
    PRIMARY KEY (program, through)
);

-- Final lines of closed periods and adjustments; written once, never changed.
CREATE TABLE earning_lines (
    id           bigserial PRIMARY KEY,
    kind         text NOT NULL CHECK (kind IN ('final', 'adjustment')),
    program      text NOT NULL,
    version      integer NOT NULL,
    period       text NOT NULL,      -- the period the line is for
    booked_in    text NOT NULL,      -- the period it is booked in: its own, or the open period of an adjustment
    partner      text NOT NULL,
    payee        text NOT NULL,
    track        text NOT NULL,
    rule         text NOT NULL,
    unit         text NOT NULL,
    amount_minor bigint NOT NULL,
    why          text NOT NULL,
    explanation  jsonb NOT NULL,
    recorded_at  timestamptz NOT NULL
);

CREATE INDEX earning_lines_by_payee ON earning_lines (payee, booked_in);
CREATE INDEX earning_lines_by_program ON earning_lines (program, booked_in);

CREATE TRIGGER earning_lines_append_only BEFORE UPDATE OR DELETE ON earning_lines
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER period_closes_append_only BEFORE UPDATE OR DELETE ON period_closes
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();

package dev.accrue.postgres.books;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The live books' own tables (V40) and what they read from the ledger's. Lines are registered before any
 * of their transfers is written, so every transfer of a line can be traced to its key.
 */
public final class BooksRepository {
    private final Jdbi jdbi;

    public BooksRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A line's key: registered once, before its first transfer. */
    public record LineRow(String hash, String program, int version, String period, String partner, String payee, String track,
                          String rule, String unit) {}

    public void registerLines(List<LineRow> lines) {
        if (lines.isEmpty()) return;
        jdbi.useHandle(handle -> {
            PreparedBatch batch = handle.prepareBatch("""
                    INSERT INTO book_lines (hash, program, version, period, partner, payee, track, rule, unit)
                    VALUES (:hash, :program, :version, :period, :partner, :payee, :track, :rule, :unit)
                    ON CONFLICT (hash) DO NOTHING""");
            for (LineRow line : lines) batch.bindMethods(line).add();
            batch.execute();
        });
    }

    /** Changes whenever a program version or a partner version is added: the books rebuild on it. */
    public String inputsFingerprint() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT (SELECT count(*) FROM program_versions) || ':' || (SELECT count(*) FROM partner_versions)""")
                .mapTo(String.class).one());
    }

    /** Every close as (program, through); the caller keeps the latest per program. */
    public List<String[]> closes() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT program, through FROM period_closes ORDER BY closed_at, program")
                .map((rs, ctx) -> new String[] {rs.getString("program"), rs.getString("through")}).list());
    }

    /** Records a close and its final lines in one transaction; a close recorded before is left as it is. */
    public void recordClose(String program, String through, List<EarningRow> finals, Instant at) {
        jdbi.useTransaction(handle -> {
            int inserted = handle.createUpdate("""
                    INSERT INTO period_closes (program, through, closed_at) VALUES (:program, :through, :at)
                    ON CONFLICT DO NOTHING""").bind("program", program).bind("through", through).bind("at", Timestamp.from(at)).execute();
            if (inserted == 1) insertLines(handle, finals);
        });
    }

    public void recordAdjustments(List<EarningRow> adjustments) {
        if (adjustments.isEmpty()) return;
        jdbi.useTransaction(handle -> insertLines(handle, adjustments));
    }

    private static void insertLines(org.jdbi.v3.core.Handle handle, List<EarningRow> rows) {
        if (rows.isEmpty()) return;
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO earning_lines (kind, program, version, period, booked_in, partner, payee, track, rule, unit,
                                           amount_minor, why, explanation, recorded_at)
                VALUES (:kind, :program, :version, :period, :bookedIn, :partner, :payee, :track, :rule, :unit,
                        :amountMinor, :why, CAST(:explanationJson AS jsonb), :recordedAtTs)""");
        for (EarningRow row : rows) batch.bindMethods(row).bind("recordedAtTs", Timestamp.from(row.recordedAt())).add();
        batch.execute();
    }

    /** Final lines and adjustments, filtered (null: any); {@code bookedIn} matches the period they are booked in. */
    public List<EarningRow> earningLines(String payee, String program, String bookedIn) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT * FROM earning_lines
                        WHERE (CAST(:payee AS text) IS NULL OR payee = :payee)
                          AND (CAST(:program AS text) IS NULL OR program = :program)
                          AND (CAST(:bookedIn AS text) IS NULL OR booked_in = :bookedIn)
                        ORDER BY booked_in, program, payee, id""")
                .bind("payee", payee).bind("program", program).bind("bookedIn", bookedIn)
                .map((rs, ctx) -> new EarningRow(rs.getString("kind"), rs.getString("program"), rs.getInt("version"),
                        rs.getString("period"), rs.getString("booked_in"), rs.getString("partner"), rs.getString("payee"),
                        rs.getString("track"), rs.getString("rule"), rs.getString("unit"), rs.getLong("amount_minor"),
                        rs.getString("why"), rs.getString("explanation"), rs.getTimestamp("recorded_at").toInstant()))
                .list());
    }

    /**
     * Every registered line with what the ledger holds for it, from the transfers named after its hash:
     * {@code acc:H:n} pending accruals, {@code post:H:n} posts at close, {@code void:H:n} voids,
     * {@code close:H} true-ups or reversals at close, {@code adj:H:n} adjustments.
     */
    public List<LedgerLine> ledgerLines() {
        return jdbi.withHandle(handle -> {
            Map<String, long[]> figures = new HashMap<>(); // pendingSeq, pendingMinor, postedMinor, adjustments, closeBooked
            handle.createQuery("""
                            SELECT t.id, t.amount_minor, t.kind, t.credit_account_id LIKE 'earnings:%' AS to_earnings, r.state
                            FROM ledger_transfers t LEFT JOIN ledger_pending_resolutions r ON r.pending_id = t.id
                            WHERE t.id LIKE 'acc:%' OR t.id LIKE 'post:%' OR t.id LIKE 'close:%' OR t.id LIKE 'adj:%'""")
                    .setFetchSize(10_000)
                    .map((rs, ctx) -> {
                        String id = rs.getString("id");
                        String[] parts = id.split(":");
                        long[] f = figures.computeIfAbsent(parts[1], h -> new long[5]);
                        long amount = rs.getLong("amount_minor");
                        long signed = rs.getBoolean("to_earnings") ? amount : -amount;
                        switch (parts[0]) {
                            case "acc" -> {
                                int seq = Integer.parseInt(parts[2]);
                                if (seq > f[0]) {
                                    f[0] = seq;
                                    f[1] = rs.getString("state") == null ? amount : 0;
                                }
                            }
                            case "post", "close" -> {
                                f[2] += signed;
                                f[4] = 1;
                            }
                            default -> {
                                f[2] += signed;
                                f[3]++;
                            }
                        }
                        return id;
                    })
                    .forEach(id -> {});
            List<LedgerLine> lines = new ArrayList<>();
            handle.createQuery("SELECT * FROM book_lines").setFetchSize(10_000).map((rs, ctx) -> {
                String hash = rs.getString("hash");
                long[] f = figures.getOrDefault(hash, new long[5]);
                return new LedgerLine(hash, rs.getString("program"), rs.getInt("version"), rs.getString("period"), rs.getString("partner"),
                        rs.getString("payee"), rs.getString("track"), rs.getString("rule"), rs.getString("unit"), (int) f[0], f[1], f[2],
                        (int) f[3], f[4] == 1);
            }).forEach(lines::add);
            return lines;
        });
    }

    /** Pending and posted per earnings account, program, period the transfer is booked in, and unit. */
    public record LiabilityRow(String program, String payee, String period, String unit, long pendingMinor, long postedMinor) {}

    public List<LiabilityRow> liability(String program, String payee, String period) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT a.program, a.payee, t.period, t.unit,
                               sum(CASE WHEN t.kind = 'pending' AND r.state IS NULL THEN t.amount_minor ELSE 0 END) AS pending,
                               sum(CASE WHEN t.kind IN ('single_phase', 'post_pending') AND t.code <> 'payable'
                                        THEN (CASE WHEN t.credit_account_id = a.id THEN t.amount_minor ELSE -t.amount_minor END)
                                        ELSE 0 END) AS posted
                        FROM ledger_accounts a
                        JOIN ledger_transfers t ON t.credit_account_id = a.id OR t.debit_account_id = a.id
                        LEFT JOIN ledger_pending_resolutions r ON r.pending_id = t.id
                        WHERE a.code = 'earnings'
                          AND (CAST(:program AS text) IS NULL OR a.program = :program)
                          AND (CAST(:payee AS text) IS NULL OR a.payee = :payee)
                          AND (CAST(:period AS text) IS NULL OR t.period = :period)
                        GROUP BY a.program, a.payee, t.period, t.unit
                        ORDER BY a.program, t.period, a.payee, t.unit""")
                .bind("program", program).bind("payee", payee).bind("period", period)
                .map((rs, ctx) -> new LiabilityRow(rs.getString("program"), rs.getString("payee"), rs.getString("period"),
                        rs.getString("unit"), rs.getLong("pending"), rs.getLong("posted")))
                .list());
    }
}

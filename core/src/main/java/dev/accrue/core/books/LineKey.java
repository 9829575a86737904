package dev.accrue.core.books;

import dev.accrue.core.engine.Earning;
import dev.accrue.core.engine.EarningLine;
import dev.accrue.core.money.Unit;
import dev.accrue.core.program.ProgramId;
import dev.accrue.core.time.PeriodId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * One earning line as the books keep it: what a payee earns under one rule of one program version, for
 * one partner's activity in one period. The ledger's transfers for a line name it in their reference, and
 * their ids derive from its hash, so a retry or a replay names the same transfers.
 */
public record LineKey(ProgramId program, int version, PeriodId period, String partner, String payee, String track, String rule, Unit unit) {

    public static LineKey of(Earning earning, EarningLine line) {
        return new LineKey(earning.program(), earning.programVersion(), earning.period(), earning.partner(), earning.payee(),
                line.track(), line.rule(), line.amount().unit());
    }

    /** The readable key: {@code program|v3|2026-Q1|partner|payee|track|rule}, cut to fit a ledger reference. */
    public String reference() {
        String full = String.join("|", program.value(), "v" + version, period.toString(), partner, payee, track, rule);
        return full.length() <= dev.accrue.core.ledger.UserData.REFERENCE_LENGTH_MAX ? full
                : full.substring(0, dev.accrue.core.ledger.UserData.REFERENCE_LENGTH_MAX - 23) + "~" + hash();
    }

    /** 22 characters (132 bits) of the SHA-256 of the whole key and unit: short enough for transfer ids. */
    public String hash() {
        try {
            String full = String.join("\u0000", program.value(), Integer.toString(version), period.toString(), partner, payee,
                    track, rule, unit.code());
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(full.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

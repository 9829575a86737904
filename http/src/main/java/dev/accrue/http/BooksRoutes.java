package dev.accrue.http;

import dev.accrue.core.money.Money;
import dev.accrue.http.port.Actor;
import dev.accrue.http.port.Books;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The books: close a period; read earnings with their explanations, balances, statements (JSON or CSV)
 * and the accrued liability. A partner user reads only what it is paid.
 */
final class BooksRoutes {
    private final Books books;

    BooksRoutes(Books books) {
        this.books = books;
    }

    void register(RouteTable routes) {
        routes.post(ApiServer.BASE + "/programs/{id}/periods/{period}/close", this::close);
        routes.get(ApiServer.BASE + "/earnings", this::earnings);
        routes.get(ApiServer.BASE + "/partners/{id}/balances", this::balances);
        routes.get(ApiServer.BASE + "/partners/{id}/statements/{period}", this::statement);
        routes.get(ApiServer.BASE + "/liability", this::liability);
        routes.get(ApiServer.BASE + "/books/status", this::status);
    }

    private void status(Context ctx) {
        Permission.require(Authentication.actor(ctx), Permission.EARNINGS_READ_ALL);
        Books.Status status = books.status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("received", status.received());
        body.put("booked", status.booked());
        body.put("lag", status.received() - status.booked());
        body.put("replays", status.replays());
        body.put("last_error", status.lastError());
        Json.respond(ctx, 200, body);
    }

    private void close(Context ctx) {
        Permission.require(Authentication.actor(ctx), Permission.PERIODS_CLOSE);
        Books.CloseOutcome outcome;
        try {
            outcome = books.close(ctx.pathParam("id"), ctx.pathParam("period"));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("period", e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("program", outcome.program());
        body.put("through", outcome.through());
        body.put("already_closed", outcome.alreadyClosed());
        body.put("lines", outcome.lines());
        Map<String, String> totals = new LinkedHashMap<>();
        outcome.totals().forEach((unit, money) -> totals.put(unit, money.toDecimalString()));
        body.put("totals", totals);
        Json.respond(ctx, 200, body);
    }

    private void earnings(Context ctx) {
        String payee = ownOrAny(Authentication.actor(ctx), ctx.queryParam("partner"));
        List<Books.EarningLineView> lines = books.earnings(payee, ctx.queryParam("program"), ctx.queryParam("period"));
        Json.respond(ctx, 200, Map.of("items", lines.stream().map(BooksRoutes::line).toList()));
    }

    private void balances(Context ctx) {
        String payee = own(Authentication.actor(ctx), ctx.pathParam("id"));
        List<Map<String, Object>> items = books.balances(payee).stream().map(balance -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("program", balance.program());
            item.put("unit", balance.unit());
            item.put("pending", balance.pending().toDecimalString());
            item.put("posted", balance.posted().toDecimalString());
            item.put("paid", balance.paid().toDecimalString());
            return item;
        }).toList();
        Json.respond(ctx, 200, Map.of("partner", payee, "items", items));
    }

    private void statement(Context ctx) {
        String payee = own(Authentication.actor(ctx), ctx.pathParam("id"));
        String period = ctx.pathParam("period");
        List<Books.EarningLineView> lines = books.statement(payee, period);
        Map<String, Money> totals = new LinkedHashMap<>();
        lines.forEach(line -> totals.merge(line.amount().unit().code(), line.amount(), Money::plus));
        boolean csv = "csv".equals(ctx.queryParam("format")) || String.valueOf(ctx.header("Accept")).contains("text/csv");
        if (csv) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"statement-" + payee + "-" + period + ".csv\"");
            ctx.result(csv(lines));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partner", payee);
        body.put("period", period);
        body.put("lines", lines.stream().map(BooksRoutes::line).toList());
        Map<String, String> totalText = new LinkedHashMap<>();
        totals.forEach((unit, money) -> totalText.put(unit, money.toDecimalString()));
        body.put("totals", totalText);
        Json.respond(ctx, 200, body);
    }

    private void liability(Context ctx) {
        Permission.require(Authentication.actor(ctx), Permission.LIABILITY_READ);
        List<Map<String, Object>> items = books.liability(ctx.queryParam("program"), ctx.queryParam("period")).stream().map(row -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("program", row.program());
            item.put("period", row.period());
            item.put("unit", row.unit());
            item.put("pending", row.pending().toDecimalString());
            item.put("posted", row.posted().toDecimalString());
            item.put("total", row.pending().plus(row.posted()).toDecimalString());
            return item;
        }).toList();
        Json.respond(ctx, 200, Map.of("items", items));
    }

    /** A partner user may name only itself; staff who may read every partner's earnings may name anyone. */
    private static String own(Actor actor, String partner) {
        if (actor.isOtherPartnerThan(partner)) throw ApiException.notFound("partner " + partner);
        if (actor.partnerId() == null) Permission.require(actor, Permission.EARNINGS_READ_ALL);
        return partner;
    }

    private static String ownOrAny(Actor actor, String partner) {
        if (actor.partnerId() != null) return own(actor, partner == null ? actor.partnerId() : partner);
        Permission.require(actor, Permission.EARNINGS_READ_ALL);
        return partner;
    }

    private static Map<String, Object> line(Books.EarningLineView line) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("program", line.program());
        item.put("version", line.version());
        item.put("period", line.period());
        item.put("booked_in", line.bookedIn());
        item.put("partner", line.partner());
        item.put("payee", line.payee());
        item.put("track", line.track());
        item.put("rule", line.rule());
        item.put("amount", line.amount().toDecimalString());
        item.put("unit", line.amount().unit().code());
        item.put("status", line.status());
        item.put("why", line.why());
        item.put("explanation", line.explanation());
        return item;
    }

    private static String csv(List<Books.EarningLineView> lines) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("program", "version", "period", "booked_in", "partner", "payee", "track", "rule", "status", "unit", "amount", "why")
                .get())) {
            for (Books.EarningLineView line : lines) {
                printer.printRecord(line.program(), line.version(), line.period(), line.bookedIn(), line.partner(), line.payee(),
                        line.track(), line.rule(), line.status(), line.amount().unit().code(), line.amount().toDecimalString(), line.why());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The worked example in examples/worked/ gives exactly its expected result through `accrue simulate`. */
class WorkedExampleTest {
    private static final Path WORKED = Path.of("../examples/worked");
    private static final Path PROGRAM = Path.of("../examples/programs/distributor-growth-rebate.yaml");

    @Test
    void distributorGrowthRebateClosesTheFirstQuarterAsWorkedByHand() throws Exception {
        JsonNode result = simulate("--programs", PROGRAM.toString(), "--partners", WORKED.resolve("partners.jsonl").toString(),
                "--events", WORKED.resolve("events.jsonl").toString(), "--through", "2026-03-31");
        JsonNode expected = new ObjectMapper().readTree(Files.readString(WORKED.resolve("expected.json")));

        for (JsonNode want : expected.get("earnings")) {
            JsonNode got = earning(result, expected.get("program").asText(), want.get("partner").asText(), expected.get("period").asText());
            assertThat(got).as("earning of %s", want.get("partner").asText()).isNotNull();
            assertThat(got.get("unit").asText()).isEqualTo(want.get("unit").asText());
            assertThat(got.get("amount").asText()).as("amount of %s", want.get("partner")).isEqualTo(want.get("amount").asText());
            if (want.has("tier")) assertThat(got.get("tier").asText()).isEqualTo(want.get("tier").asText());
            if (want.has("voided_by")) assertThat(got.get("voided_by").asText()).isEqualTo(want.get("voided_by").asText());
            if (want.has("lines")) {
                for (JsonNode line : want.get("lines")) {
                    JsonNode gotLine = null;
                    for (JsonNode candidate : got.get("lines")) {
                        if (candidate.get("rule").asText().equals(line.get("rule").asText())) gotLine = candidate;
                    }
                    assertThat(gotLine).as("line %s", line.get("rule")).isNotNull();
                    assertThat(gotLine.get("amount").asText()).isEqualTo(line.get("amount").asText());
                }
            }
        }
    }

    @Test
    void theBaseRebateExplainsItsTierMultiplierAndBasis() throws Exception {
        JsonNode result = simulate("--programs", PROGRAM.toString(), "--partners", WORKED.resolve("partners.jsonl").toString(),
                "--events", WORKED.resolve("events.jsonl").toString(), "--through", "2026-03-31");
        JsonNode distA = earning(result, "distributor-growth-2026", "dist-a", "2026-Q1");
        JsonNode base = distA.get("lines").get(0);
        assertThat(base.get("why").asText())
                .isEqualTo("2% (gold: qualifying 135,000.00 ≥ 100,000) × 1.25 (mix bonus: period.mix['pumps'] >= 0.30) on 135,000.00 = 3,375.00");
        assertThat(base.get("explanation").get("tier").get("band").asText()).isEqualTo("gold");
        JsonNode distB = earning(result, "distributor-growth-2026", "dist-b", "2026-Q1");
        assertThat(distB.get("lines").get(0).get("why").asText()).contains("= 11,250.00; voided: gate MAP compliance failed");
    }

    @Test
    void aProgramThatDoesNotValidateStopsTheSimulationWithItsErrors(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(PROGRAM).replace("rate: 0.5%", "rate: 150%"));
        StringWriter err = new StringWriter();
        int exit = run(new StringWriter(), err, "simulate", "--programs", broken.toString(), "--partners",
                WORKED.resolve("partners.jsonl").toString(), "--events", WORKED.resolve("events.jsonl").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("broken.yaml:").contains("nothing was simulated");
    }

    @Test
    void anEventWithAFloatAmountStopsTheSimulationNamingTheLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, Files.readString(WORKED.resolve("events.jsonl")).replace("\"60000.00\"", "60000.5"));
        StringWriter err = new StringWriter();
        int exit = run(new StringWriter(), err, "simulate", "--programs", PROGRAM.toString(), "--partners",
                WORKED.resolve("partners.jsonl").toString(), "--events", events.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("line 2").contains("net_amount");
    }

    static JsonNode earning(JsonNode result, String program, String partner, String period) {
        for (JsonNode earning : result.get("earnings")) {
            if (earning.get("program").asText().equals(program) && earning.get("partner").asText().equals(partner)
                    && earning.get("period").asText().equals(period)) {
                return earning;
            }
        }
        return null;
    }

    static JsonNode simulate(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 1];
        full[0] = "simulate";
        System.arraycopy(args, 0, full, 1, args.length);
        int exit = run(out, err, full);
        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new SimulateRoot());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** A root with only `simulate`, so the test does not depend on the rest of the command line. */
    @CommandLine.Command(name = "accrue", subcommands = SimulateCommand.class)
    static final class SimulateRoot {}
}

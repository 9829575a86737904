package dev.accrue.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.engine.ProgramVersion;
import dev.accrue.core.engine.Simulation;
import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventParser;
import dev.accrue.core.event.EventSink;
import dev.accrue.core.event.LineError;
import dev.accrue.core.partner.Partner;
import dev.accrue.core.program.ProgramParser;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A simulation run by several engines side by side, each over a share of the programs, gives exactly what
 * one engine over all of them gives: the same earnings in the same order, the same counts. Generated data:
 * every kind of program, stacking groups, budgets, clawbacks, conversions split by attribution.
 */
class SharedSimulationTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 11})
    void anyNumberOfEnginesGivesTheResultOfOne(long seed) {
        SyntheticData data = new SyntheticData(new DataSpec(90, 12_000, 50, 2026, seed));
        List<ProgramVersion> programs = new ArrayList<>();
        for (GeneratedProgram program : data.programs()) {
            programs.add(new ProgramVersion(ProgramParser.parse(program.yaml(), program.fileName()).program(), 1));
        }
        Map<String, Partner> partners = new HashMap<>();
        data.partners().forEach(partner -> partners.put(partner.id(), partner));
        StringWriter text = new StringWriter();
        data.writeEvents(text);
        List<Event> events = new ArrayList<>();
        new EventParser().read(new StringReader(text.toString()), new EventSink() {
            @Override
            public void event(Event event) {
                events.add(event);
            }

            @Override
            public void error(LineError error) {
                throw new AssertionError(error.format());
            }
        });

        Simulation.Result one = Simulation.run(programs, partners::get, events::forEach, null, 1);
        assertThat(one.earnings()).hasSizeGreaterThan(500);
        for (int threads : new int[] {2, 3, 5}) {
            Simulation.Result shared = Simulation.run(programs, partners::get, events::forEach, null, threads);
            assertThat(shared.earnings()).as("%d engines, seed %d", threads, seed).isEqualTo(one.earnings());
            assertThat(shared.stats()).isEqualTo(one.stats());
            assertThat(shared.duplicates()).isEqualTo(one.duplicates());
            assertThat(shared.through()).isEqualTo(one.through());
        }
    }
}

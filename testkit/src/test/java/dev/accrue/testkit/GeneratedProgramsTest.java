package dev.accrue.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.program.ParseResult;
import dev.accrue.core.program.ProgramKind;
import dev.accrue.core.program.ProgramParser;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratedProgramsTest {
    @ParameterizedTest
    @ValueSource(longs = {7, 42})
    void everyGeneratedProgramParsesAndTheirKindsCoverTheExamples(long seed) {
        Set<ProgramKind> kinds = EnumSet.noneOf(ProgramKind.class);
        for (GeneratedProgram program : new SyntheticData(new DataSpec(40, 0, 50, 2026, seed)).programs()) {
            ParseResult result = ProgramParser.parse(program.yaml(), program.fileName());

            assertThat(result.errors()).as("seed %d, %s:%n%s", seed, program.fileName(), program.yaml()).isEmpty();
            assertThat(result.program().id().value() + ".yaml").isEqualTo(program.fileName());
            kinds.add(result.program().kind());
        }
        // Every example's kind; volume_discount has no example to vary.
        assertThat(kinds).isEqualTo(EnumSet.complementOf(EnumSet.of(ProgramKind.VOLUME_DISCOUNT)));
    }
}

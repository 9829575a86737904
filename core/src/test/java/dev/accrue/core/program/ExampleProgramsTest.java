package dev.accrue.core.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The example programs are the acceptance surface of the format: each parses without a fault. */
class ExampleProgramsTest {
    static final Path EXAMPLES = Path.of("..", "examples", "programs");

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> yaml = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yaml).as("examples in %s", EXAMPLES.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(9);
            return yaml;
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleProgramParsesWithoutFaults(Path file) throws IOException {
        ParseResult result = ProgramParser.parse(Files.readString(file), file.getFileName().toString());
        assertThat(result.errors()).extracting(ProgramError::format).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.canonicalJson()).startsWith("{\"");
    }
}

package nl.nabij.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nobody edits a seed file without the generator, or the generator without regenerating the files. */
class SeedFilesMatchGeneratorTest {

    private static final String HOW_TO_FIX =
            "the committed seed file differs from the generator's output; regenerate with"
                    + " `./mvnw -q -pl seed-data compile exec:exec` or fix the generator";

    @Test
    void committedFilesAreExactlyWhatTheGeneratorWrites(@TempDir Path directory) throws IOException {
        DemoMunicipalityGenerator.generate().writeTo(directory);

        for (String file : SeedData.FILES) {
            String generated = Files.readString(directory.resolve(file), StandardCharsets.UTF_8);
            assertThat(firstDifference(committed(file), generated))
                    .as("%s: %s", file, HOW_TO_FIX)
                    .isEmpty();
        }
    }

    @Test
    void generatorIsDeterministic() {
        assertThat(DemoMunicipalityGenerator.generate()).isEqualTo(DemoMunicipalityGenerator.generate());
    }

    @Test
    void filesStaySmall() throws IOException {
        long bytes = 0;
        for (String file : SeedData.FILES) {
            bytes += committed(file).getBytes(StandardCharsets.UTF_8).length;
        }
        assertThat(bytes).isLessThan(1_500_000);
    }

    private static String committed(String file) throws IOException {
        try (InputStream in =
                SeedFilesMatchGeneratorTest.class.getResourceAsStream(SeedData.CLASSPATH_DIRECTORY + file)) {
            assertThat(in).as("%s on the class path", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // The files run to thousands of lines; the first differing line says more than a full diff.
    private static Optional<String> firstDifference(String committed, String generated) {
        List<String> committedLines = committed.lines().toList();
        List<String> generatedLines = generated.lines().toList();
        for (int i = 0; i < Math.max(committedLines.size(), generatedLines.size()); i++) {
            String committedLine = i < committedLines.size() ? committedLines.get(i) : "<end of file>";
            String generatedLine = i < generatedLines.size() ? generatedLines.get(i) : "<end of file>";
            if (!committedLine.equals(generatedLine)) {
                return Optional.of("line " + (i + 1) + ": committed " + committedLine + ", generated " + generatedLine);
            }
        }
        return committed.equals(generated) ? Optional.empty() : Optional.of("line endings differ");
    }
}

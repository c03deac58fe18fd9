package nl.nabij.seed.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import nl.nabij.seed.city.CityLoader.LoadOptions;
import org.junit.jupiter.api.Test;

class CityLoaderTest {

    @Test
    void withoutOptionsTheLoaderWritesAnAlmereLikeCityIntoTheEmbeddedDatabase() {
        LoadOptions options = LoadOptions.parse(new String[0], null);

        assertThat(options.residents()).isEqualTo(220_000);
        assertThat(options.seed()).isEqualTo(34);
        assertThat(options.uri()).isEqualTo("bolt://127.0.0.1:7687");
        assertThat(options.user()).isNull();
        assertThat(options.batchSize()).isEqualTo(10_000);
        assertThat(options.writers()).isEqualTo(2);
        assertThat(options.dryRun()).isFalse();
    }

    @Test
    void optionsComeAsPairsOrWithAnEqualsSignAndThePasswordFromTheEnvironment() {
        LoadOptions options = LoadOptions.parse(
                new String[] {
                    "--residents", "18_000_000", "--uri=neo4j://db.example:7687", "--user", "nabij", "--dry-run"
                },
                "from-environment");

        assertThat(options.residents()).isEqualTo(18_000_000);
        assertThat(options.uri()).isEqualTo("neo4j://db.example:7687");
        assertThat(options.user()).isEqualTo("nabij");
        assertThat(options.password()).isEqualTo("from-environment");
        assertThat(options.dryRun()).isTrue();
    }

    @Test
    void badOptionsAreRefusedByName() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--residents", "0"}, null))
                .hasMessageContaining("--residents");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--uri", "http://localhost:7474"}, null))
                .hasMessageContaining("--uri");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--writers", "none"}, null))
                .hasMessageContaining("--writers");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--colour", "red"}, null))
                .hasMessageContaining("--colour");
    }

    @Test
    void theProgressBarShowsTheShareDoneTheThroughputAndTheTimeLeft() {
        long[] now = {0};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1_000, () -> now[0]);

        now[0] = 10_000_000_000L;
        bar.batchDone(0, 20_000, 250, false);

        String line = bar.line(now[0]);
        assertThat(line).contains(" 25.0%").contains("20,000 records").contains("2,000 records/s");
        assertThat(line).contains("0:10 elapsed").contains("0:30 left");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("\r[########");
    }
}

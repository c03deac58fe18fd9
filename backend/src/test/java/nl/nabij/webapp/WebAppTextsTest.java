package nl.nabij.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app's Dutch and English texts have the same keys, and every fixed key the app asks for exists, so no
 * screen shows a bare key in either language. Keys built at run time (an enum value's text) fall back to the value.
 */
class WebAppTextsTest {

    private static final Path APP = Path.of("src", "main", "resources", "static", "app");
    private static final Pattern KEY = Pattern.compile("\\bt\\('([^'$]+)'");

    private static Set<String> keys(String language) throws IOException {
        Set<String> keys = new TreeSet<>();
        JsonMapper.builder()
                .build()
                .readTree(APP.resolve("i18n").resolve(language + ".json").toFile())
                .propertyNames()
                .forEach(keys::add);
        return keys;
    }

    @Test
    void dutchAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(keys("en")).isEqualTo(keys("nl"));
    }

    @Test
    void everyTextTheScreensAskForExists() throws IOException {
        Set<String> asked = new TreeSet<>();
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path script :
                    files.filter(file -> file.toString().endsWith(".js")).toList()) {
                Matcher key = KEY.matcher(Files.readString(script));
                while (key.find()) {
                    asked.add(key.group(1));
                }
            }
        }
        assertThat(asked).hasSizeGreaterThan(100);
        assertThat(keys("nl")).containsAll(asked);
    }
}

package nl.nabij.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app's Dutch and English texts have the same keys, every fixed key the app asks for exists, every error code
 * the API can give and every value of the enums the screens word has a text, so no screen shows a bare key, a raw code
 * or the API's English message in either language.
 */
class WebAppTextsTest {

    private static final Path APP = Path.of("src", "main", "resources", "static", "app");
    private static final Pattern KEY = Pattern.compile("\\bt\\('([^'$]+)'");
    private static final Path SOURCES = Path.of("src", "main", "java", "nl", "nabij");
    private static final Path SCHEMA = Path.of("..", "graphql", "src", "main", "resources", "graphql");
    /** An error the API gives: an InputError or InvalidArgumentException with a literal code after the field. */
    private static final Pattern ERROR_CODE = Pattern.compile(
            "(?:InputError|InvalidArgumentException)\\(\\s*(?:[^,()]+|\\w+\\([^)]*\\)),\\s*\"([A-Z][A-Z0-9_]+)\"");
    /** The enums the screens word, and the prefix of their texts: label('domain', 'WMO') is domain.WMO. */
    private static final Map<String, List<String>> WORDED_ENUMS = Map.ofEntries(
            Map.entry("Domain", List.of("domain")),
            Map.entry("LegalBasis", List.of("legalBasis", "legalBasis.long")),
            Map.entry("Discipline", List.of("discipline")),
            Map.entry("EndReason", List.of("endReason")),
            Map.entry("Role", List.of("role")),
            Map.entry("RegieRule", List.of("regie", "regie.text")),
            Map.entry("OrganisationKind", List.of("organisationKind")),
            Map.entry("MemberRole", List.of("memberRole")),
            Map.entry("NotificationKind", List.of("notifications")),
            Map.entry("GoalStatus", List.of("goal")),
            Map.entry("CoordinatorRule", List.of("coordinatorRule")));

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

    @Test
    void everyErrorCodeTheApiGivesIsWordedInBothLanguages() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            // The HSDS import answers a machine, in its report, never a screen.
            for (Path source : files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getFileName().toString().startsWith("Hsds"))
                    .toList()) {
                Matcher code = ERROR_CODE.matcher(Files.readString(source));
                while (code.find()) {
                    codes.add("error." + code.group(1));
                }
            }
        }
        assertThat(codes).hasSizeGreaterThan(50);
        assertThat(keys("nl")).containsAll(codes);
        assertThat(keys("en")).containsAll(codes);
    }

    @Test
    void everyValueOfTheEnumsTheScreensWordIsWorded() throws IOException {
        Set<String> needed = new TreeSet<>();
        Pattern value = Pattern.compile("^\\s+([A-Z][A-Z0-9_]*)\\s*$", Pattern.MULTILINE);
        try (Stream<Path> files = Files.list(SCHEMA)) {
            for (Path schema : files.toList()) {
                String text = Files.readString(schema);
                for (var entry : WORDED_ENUMS.entrySet()) {
                    Matcher declaration = Pattern.compile("(?s)\\benum " + entry.getKey() + " \\{(.*?)}")
                            .matcher(text);
                    if (!declaration.find()) {
                        continue;
                    }
                    Matcher values = value.matcher(declaration.group(1));
                    while (values.find()) {
                        for (String prefix : entry.getValue()) {
                            needed.add(prefix + "." + values.group(1));
                        }
                    }
                }
            }
        }
        assertThat(needed).hasSizeGreaterThan(60);
        assertThat(keys("nl")).containsAll(needed);
        assertThat(keys("en")).containsAll(needed);
    }
}

package nl.nabij.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation a newcomer walks: a short README, every page under docs/ reachable from it by following links,
 * and no relative link in any Markdown file that points at nothing (a file, or a heading of a Markdown file).
 */
class DocsLinksTest {

    private static final int README_MOST_LINES = 250;
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    private static final Pattern LINK =
            Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)" + "|\\b(?:href|src)=\"([^\"]+)\"");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules");

    private final Path root = GeneratedPage.repositoryRoot();

    @Test
    void readmeIsAtMost250Lines() throws IOException {
        assertThat(Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8))
                .as("README.md: move the detail into a page under docs/ and link it")
                .hasSizeLessThanOrEqualTo(README_MOST_LINES);
    }

    @Test
    void everyPageUnderDocsIsReachableFromTheReadme() {
        Set<Path> reached = new HashSet<>();
        Deque<Path> next = new ArrayDeque<>(List.of(root.resolve("README.md")));
        while (!next.isEmpty()) {
            Path page = next.pop();
            if (reached.add(page)) {
                links(page).stream()
                        .map(Link::file)
                        .filter(file -> file.toString().endsWith(".md") && Files.isRegularFile(file))
                        .forEach(next::push);
            }
        }
        List<Path> unreached = markdownFiles().stream()
                .filter(file -> file.startsWith(root.resolve("docs")))
                .filter(file -> !reached.contains(file))
                .map(root::relativize)
                .toList();
        assertThat(unreached)
                .as("pages under docs/ that no chain of links from README.md reaches; link them from docs/README.md")
                .isEmpty();
    }

    @Test
    void noRelativeLinkIsBroken() {
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path page : markdownFiles()) {
            for (Link link : links(page)) {
                String where = root.relativize(page) + ": " + link.target();
                if (!Files.exists(link.file())) {
                    broken.add(where + " (no such file)");
                } else if (link.anchor() != null
                        && link.file().toString().endsWith(".md")
                        && !anchors.computeIfAbsent(link.file(), DocsLinksTest::anchors)
                                .contains(link.anchor())) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("relative links that point at nothing").isEmpty();
    }

    private record Link(String target, Path file, String anchor) {}

    private List<Path> markdownFiles() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> {
                        for (Path part : root.relativize(file.getParent() == null ? root : file.getParent())) {
                            if (part.toString().startsWith(".") || SKIPPED_DIRECTORIES.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The relative links of a page, outside code blocks and code spans. */
    private static List<Link> links(Path page) {
        List<Link> links = new ArrayList<>();
        for (String line : prose(page)) {
            Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
            while (link.find()) {
                String target = link.group(1) != null ? link.group(1) : link.group(2);
                if (SCHEME.matcher(target).find() || target.startsWith("//")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path file =
                        path.isEmpty() ? page : page.getParent().resolve(path).normalize();
                links.add(new Link(target, file, anchor));
            }
        }
        return links;
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    private static Set<String> anchors(Path page) {
        Set<String> anchors = new TreeSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(page)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = heading.group(1)
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
                        .replace(' ', '-');
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }

    /** The lines of a page outside fenced code blocks. */
    private static List<String> prose(Path page) {
        List<String> prose = new ArrayList<>();
        boolean inFence = false;
        try {
            for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
                if (FENCE.matcher(line).find()) {
                    inFence = !inFence;
                } else if (!inFence) {
                    prose.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prose;
    }
}

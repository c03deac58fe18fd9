package nl.nabij.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A page of docs/ that is generated from the code, committed so that it reads on GitHub, and held to the code by a
 * test: the test regenerates it and fails when the committed page differs. With {@code -Dnabij.docs.write=true} the
 * test writes the page instead.
 */
public final class GeneratedPage {

    private static final String WRITE = "nabij.docs.write";

    private GeneratedPage() {}

    /** The repository's root: the tests run in {@code backend/}, a run from the root is found as well. */
    public static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("docs"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no repository root (mvnw and docs/) above " + here);
    }

    /**
     * Fails when the committed page at {@code relativePath} is not exactly {@code generated}, naming the command
     * that regenerates it; writes the page when {@code nabij.docs.write} is true.
     */
    public static void assertCommitted(String relativePath, String generated, String testClass) {
        Path file = repositoryRoot().resolve(relativePath);
        try {
            if (Boolean.getBoolean(WRITE)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, generated, StandardCharsets.UTF_8);
                return;
            }
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            assertThat(firstDifference(committed, generated))
                    .as(
                            "%s is generated and differs from the code; regenerate it with"
                                    + " `./mvnw -q -pl backend -am test -Dsurefire.failIfNoSpecifiedTests=false"
                                    + " -Dtest=%s -D%s=true` and commit it",
                            relativePath, testClass, WRITE)
                    .isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // A page runs to hundreds of lines; the first differing line says more than a full diff.
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

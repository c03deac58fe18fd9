package nl.nabij.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The GraphQL documents of the web app, read out of its JavaScript the way the app sends them: the first argument of
 * {@code graphql(…)} and {@code publicGraphql(…)} (api.js) and the {@code query:} of a subscription's payload
 * (live.js), each a string or template literal or a {@code const} of the same file that holds one. A template's
 * {@code ${NAME}} is replaced by that file's {@code const NAME}; a {@code ${name}} the file chooses at run time (the
 * mutation a button picks) by each value the file gives it, so every variant the screen can send is checked.
 */
final class WebAppDocuments {

    static final Path APP = Path.of("backend/src/main/resources/static/app");

    private static final Pattern SENT = Pattern.compile("\\b(?:graphql|publicGraphql)\\(\\s*|\\bquery:\\s*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern PLAIN_STRING =
            Pattern.compile("'([A-Za-z_][A-Za-z0-9_]*)'|\"([A-Za-z_][A-Za-z0-9_]*)\"");

    /**
     * A document as found: where, and its text with one choice for each run-time name; no text where the argument is
     * neither a literal nor a constant of the file, which the test refuses.
     */
    record Document(String where, String text) {}

    private WebAppDocuments() {}

    static List<Path> scripts(Path root) {
        try (Stream<Path> files = Files.walk(root.resolve(APP))) {
            return files.filter(file -> file.toString().endsWith(".js"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Document> read(Path root) {
        List<Document> documents = new ArrayList<>();
        for (Path script : scripts(root)) {
            String source;
            try {
                source = Files.readString(script);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher sent = SENT.matcher(source);
            while (sent.find()) {
                int at = sent.end();
                String where = root.relativize(script) + ":" + line(source, sent.start());
                if (source.startsWith("function ", sent.start() - "function ".length())) {
                    continue; // api.js declaring graphql(query, variables) itself
                }
                Optional<String> literal = literalAt(source, at).or(() -> constantNamedAt(source, at));
                if (literal.isEmpty()) {
                    documents.add(new Document(where, null));
                    continue;
                }
                for (String text : expand(source, literal.get())) {
                    documents.add(new Document(where, text));
                }
            }
        }
        return documents;
    }

    /** The document with every {@code ${…}} filled in, once for each value a run-time name may take. */
    private static List<String> expand(String source, String template) {
        int start = template.indexOf("${");
        if (start < 0) {
            return List.of(template);
        }
        int end = template.indexOf('}', start);
        String name = template.substring(start + 2, end).strip();
        String before = template.substring(0, start);
        String after = template.substring(end + 1);
        Optional<String> constant = constant(source, name);
        if (constant.isPresent()) {
            return expand(source, before + constant.get() + after);
        }
        Set<String> choices = choices(source, name);
        if (choices.isEmpty()) {
            // Left as it is, the ${…} fails validation and names itself in the message.
            return List.of(template);
        }
        List<String> expanded = new ArrayList<>();
        for (String choice : choices) {
            expanded.addAll(expand(source, before + choice + after));
        }
        return expanded;
    }

    /**
     * The values a run-time name takes: the string literals of {@code const name = …;}, or the first string argument
     * of every call of the function that takes {@code name} as its first parameter ({@code function decide(name, …)}
     * or {@code const decide = (name, …) =>}).
     */
    private static Set<String> choices(String source, String name) {
        Set<String> choices = new LinkedHashSet<>();
        Matcher declaration = Pattern.compile("\\bconst\\s+" + Pattern.quote(name) + "\\s*=([^;]*);")
                .matcher(source);
        if (declaration.find()) {
            Matcher string = PLAIN_STRING.matcher(declaration.group(1));
            while (string.find()) {
                choices.add(string.group(1) != null ? string.group(1) : string.group(2));
            }
            return choices;
        }
        Matcher function = Pattern.compile("\\bfunction\\s+(\\w+)\\s*\\(\\s*" + Pattern.quote(name)
                        + "\\b|\\bconst\\s+(\\w+)\\s*=\\s*(?:async\\s*)?\\(\\s*" + Pattern.quote(name) + "\\b")
                .matcher(source);
        if (function.find()) {
            String called = function.group(1) != null ? function.group(1) : function.group(2);
            Matcher call = Pattern.compile("\\b" + Pattern.quote(called) + "\\(\\s*(?:'(\\w+)'|\"(\\w+)\")")
                    .matcher(source);
            while (call.find()) {
                choices.add(call.group(1) != null ? call.group(1) : call.group(2));
            }
        }
        return choices;
    }

    private static Optional<String> constantNamedAt(String source, int at) {
        Matcher identifier = IDENTIFIER.matcher(source).region(at, source.length());
        return identifier.lookingAt() ? constant(source, identifier.group()) : Optional.empty();
    }

    private static Optional<String> constant(String source, String name) {
        Matcher declaration = Pattern.compile("\\bconst\\s+" + Pattern.quote(name) + "\\s*=\\s*")
                .matcher(source);
        return declaration.find() ? literalAt(source, declaration.end()) : Optional.empty();
    }

    /** The string or template literal that starts at {@code at}, without its quotes; a template keeps its ${…}. */
    private static Optional<String> literalAt(String source, int at) {
        if (at >= source.length()) {
            return Optional.empty();
        }
        char quote = source.charAt(at);
        if (quote != '\'' && quote != '"' && quote != '`') {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (int i = at + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                text.append(source.charAt(++i));
                continue;
            }
            if (quote == '`' && c == '$' && i + 1 < source.length() && source.charAt(i + 1) == '{') {
                depth++;
            } else if (depth > 0 && c == '}') {
                depth--;
            } else if (depth == 0 && c == quote) {
                return Optional.of(text.toString());
            }
            text.append(c);
        }
        throw new IllegalStateException("an unterminated literal at offset " + at);
    }

    private static int line(String source, int offset) {
        return (int) source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}

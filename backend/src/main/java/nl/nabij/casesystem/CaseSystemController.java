package nl.nabij.casesystem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nl.nabij.api.InputError;
import nl.nabij.security.CurrentUser;
import nl.nabij.security.NabijUser;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /case-system/involvements}: NDJSON in, one item a line; NDJSON out, one result a line in the same
 * order, written and flushed as each chunk commits. A streaming endpoint rather than a GraphQL mutation: ten thousand
 * items are about 1.5 MB, far over the GraphQL endpoint's document limit, and a GraphQL answer is built whole in memory
 * before it is sent, while here memory holds one chunk and a client sees progress (and what committed) even when the
 * connection drops half way.
 */
@RestController
class CaseSystemController {

    static final String NDJSON = "application/x-ndjson";

    private final BulkRegistrations registrations;
    private final CurrentUser currentUser;
    private final JsonMapper json;

    CaseSystemController(BulkRegistrations registrations, CurrentUser currentUser, JsonMapper json) {
        this.registrations = registrations;
        this.currentUser = currentUser;
        this.json = json;
    }

    @PostMapping("/case-system/involvements")
    void involvements(HttpServletRequest request, HttpServletResponse response) throws IOException {
        NabijUser caseSystem = currentUser.get();
        if (caseSystem.organisationId() == null) {
            response.sendError(
                    HttpServletResponse.SC_FORBIDDEN,
                    "the token names no organisation in its nabij_organisation claim");
            return;
        }
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        OutputStream out = response.getOutputStream();
        Consumer<ItemResult> write = result -> {
            try {
                out.write(json.writeValueAsBytes(result));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        List<Item> chunk = new ArrayList<>(BulkRegistrations.CHUNK);
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Object parsed = parse(number, line);
                if (parsed instanceof Item item) {
                    chunk.add(item);
                    if (chunk.size() == BulkRegistrations.CHUNK) {
                        flush(caseSystem, chunk, request, write);
                        out.flush();
                    }
                } else {
                    // A malformed line answers in its place: the chunk before it is done first, to keep the order.
                    flush(caseSystem, chunk, request, write);
                    Item.Malformed malformed = (Item.Malformed) parsed;
                    write.accept(ItemResult.refused(malformed.key(), malformed.errors()));
                }
            }
            flush(caseSystem, chunk, request, write);
        }
        out.flush();
    }

    private void flush(NabijUser caseSystem, List<Item> chunk, HttpServletRequest request, Consumer<ItemResult> write) {
        if (!chunk.isEmpty()) {
            registrations.process(caseSystem, List.copyOf(chunk), request.getRemoteAddr(), write);
            chunk.clear();
        }
    }

    private Object parse(int number, String line) {
        try {
            return Item.parse(number, json.readTree(line));
        } catch (JacksonException e) {
            return new Item.Malformed(
                    null, List.of(new InputError(null, "MALFORMED_LINE", "line " + number + " is not a JSON object")));
        }
    }
}

package nl.nabij.network;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.function.Function;
import nl.nabij.api.InputError;
import nl.nabij.api.InvalidArgumentException;
import nl.nabij.disclosure.DisclosureControl;
import nl.nabij.security.CurrentUser;
import nl.nabij.security.NabijUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * An area's network as files for network tools: GraphML and GEXF for Gephi, yEd or Cytoscape, node and edge CSV files
 * for Kumu-style tools. Files are not GraphQL: a tool or a browser downloads them with a plain GET, so this one
 * controller is Spring MVC, unlike the one controller per GraphQL type elsewhere. Sign-in and the staff roles are
 * checked for {@code /exports/**} by the security filter chain, before anything is read. A file is the network as
 * {@code neighbourhoodNetwork} gives it to the same reader, disclosure control included, and a download under it is
 * recorded like that read.
 */
@RestController
@RequestMapping("/exports/networks")
class NetworkExportController {

    private static final MediaType GRAPHML = MediaType.parseMediaType("application/graphml+xml;charset=UTF-8");
    private static final MediaType GEXF = MediaType.parseMediaType("application/gexf+xml;charset=UTF-8");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final NetworkService networks;
    private final CurrentUser currentUser;
    private final DisclosureControl disclosure;

    NetworkExportController(NetworkService networks, CurrentUser currentUser, DisclosureControl disclosure) {
        this.networks = networks;
        this.currentUser = currentUser;
        this.disclosure = disclosure;
    }

    @GetMapping("/{code}.graphml")
    ResponseEntity<byte[]> graphMl(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            HttpServletRequest request) {
        return file(code, asOf, request, ".graphml", GRAPHML, NetworkGraphFiles::graphMl);
    }

    @GetMapping("/{code}.gexf")
    ResponseEntity<byte[]> gexf(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            HttpServletRequest request) {
        return file(code, asOf, request, ".gexf", GEXF, NetworkGraphFiles::gexf);
    }

    @GetMapping("/{code}/nodes.csv")
    ResponseEntity<byte[]> nodes(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            HttpServletRequest request) {
        return file(code, asOf, request, "-nodes.csv", CSV, NetworkCsv::nodes);
    }

    @GetMapping("/{code}/edges.csv")
    ResponseEntity<byte[]> edges(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            HttpServletRequest request) {
        return file(code, asOf, request, "-edges.csv", CSV, NetworkCsv::edges);
    }

    /** A bad code is 400 naming the field, an area that does not exist 404; the message never repeats the value. */
    @ExceptionHandler(InvalidArgumentException.class)
    ResponseEntity<InputError> invalidArgument(InvalidArgumentException invalid) {
        HttpStatus status = "UNKNOWN_AREA".equals(invalid.code()) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new InputError(invalid.field(), invalid.code(), invalid.getMessage()));
    }

    /** The one typed parameter is {@code asOf}; Spring's own message would repeat the value, so it is not used. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<InputError> malformedDay(MethodArgumentTypeMismatchException mismatch) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new InputError(
                        mismatch.getName(), "MALFORMED_DATE", mismatch.getName() + " is a day as YYYY-MM-DD"));
    }

    /** Named for the area and day, e.g. {@code network-WK990101-2026-11-23.graphml}, so downloads do not overwrite. */
    private ResponseEntity<byte[]> file(
            String code,
            LocalDate asOf,
            HttpServletRequest request,
            String suffix,
            MediaType type,
            Function<Network, byte[]> format) {
        NabijUser user = currentUser.get();
        Network network = networks.network(code, asOf, user);
        String filename =
                "network-" + network.scope().code() + "-" + network.scope().asOf() + suffix;
        byte[] file = format.apply(network);
        disclosure.recordRead(
                user, request.getRemoteAddr(), "networkExport", "file", filename, "code", code, "asOf", asOf);
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(file);
    }
}

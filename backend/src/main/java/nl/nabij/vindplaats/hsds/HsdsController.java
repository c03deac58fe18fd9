package nl.nabij.vindplaats.hsds;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import nl.nabij.security.CurrentUser;
import nl.nabij.security.NabijUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;

/**
 * The social map in Open Referral HSDS 3.0 over HTTP: the list endpoints of the HSDS API and the whole map as one JSON
 * bundle or as a tabular data package, and their import. Reading is open to anyone (the public subset) and gives staff
 * the whole map; importing is for administrators, which the security configuration enforces before this runs.
 */
@RestController
@RequestMapping("/hsds")
class HsdsController {

    private static final int MOST_PER_PAGE = 500;

    private final HsdsPublication publication;
    private final HsdsImport importer;
    private final CurrentUser currentUser;
    private final HsdsProperties properties;

    HsdsController(
            HsdsPublication publication, HsdsImport importer, CurrentUser currentUser, HsdsProperties properties) {
        this.publication = publication;
        this.importer = importer;
        this.currentUser = currentUser;
        this.properties = properties;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    String root() {
        return "{\"version\":\"" + Hsds.VERSION + "\"}";
    }

    @GetMapping(path = "/bundle", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] bundle(HttpServletRequest request) {
        return Hsds.JSON.writeValueAsBytes(publication.bundle(reader(), request.getRemoteAddr()));
    }

    @GetMapping(path = "/organizations", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> organizations(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "per_page", defaultValue = "50") int perPage,
            HttpServletRequest request) {
        return page(Hsds.Bundle::organizations, page, perPage, request);
    }

    @GetMapping(path = "/services", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> services(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "per_page", defaultValue = "50") int perPage,
            HttpServletRequest request) {
        return page(Hsds.Bundle::services, page, perPage, request);
    }

    @GetMapping(path = "/locations", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> locations(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "per_page", defaultValue = "50") int perPage,
            HttpServletRequest request) {
        return page(Hsds.Bundle::locations, page, perPage, request);
    }

    @GetMapping(path = "/service_at_locations", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> serviceAtLocations(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "per_page", defaultValue = "50") int perPage,
            HttpServletRequest request) {
        return page(Hsds.Bundle::serviceAtLocations, page, perPage, request);
    }

    @GetMapping(path = "/datapackage", produces = "application/zip")
    ResponseEntity<byte[]> datapackage(HttpServletRequest request) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"nabij-hsds-datapackage.zip\"")
                .body(TabularPackage.write(publication.bundle(reader(), request.getRemoteAddr())));
    }

    @PostMapping(path = "/import", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<HsdsImport.Report> importBundle(HttpServletRequest request) throws IOException {
        byte[] body = body(request);
        try {
            return ResponseEntity.ok(
                    importer.importJson(currentUser.get(), Hsds.JSON.readTree(body), request.getRemoteAddr()));
        } catch (HsdsImport.MalformedBundle e) {
            return refused(e.problems());
        } catch (JacksonException e) {
            return refused(HsdsShape.MALFORMED_BUNDLE, "the body is not an HSDS bundle: " + reason(e));
        }
    }

    @PostMapping(path = "/import/datapackage", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<HsdsImport.Report> importDatapackage(HttpServletRequest request) throws IOException {
        Hsds.Bundle bundle;
        try {
            bundle = TabularPackage.read(
                    body(request), properties.maxImportSize().toBytes());
        } catch (JacksonException | IllegalArgumentException e) {
            return refused("MALFORMED_PACKAGE", "the body is not an HSDS tabular data package: " + reason(e));
        }
        return ResponseEntity.ok(importer.importBundle(currentUser.get(), bundle, request.getRemoteAddr()));
    }

    private ResponseEntity<byte[]> page(
            Function<Hsds.Bundle, List<?>> contents, int page, int perPage, HttpServletRequest request) {
        if (page < 1 || perPage < 1 || perPage > MOST_PER_PAGE) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(("{\"message\":\"page is 1 or more, per_page 1 to " + MOST_PER_PAGE + "\"}").getBytes());
        }
        List<?> all = contents.apply(publication.bundle(reader(), request.getRemoteAddr()));
        return ResponseEntity.ok(Hsds.JSON.writeValueAsBytes(Hsds.Page.of(all, page, perPage)));
    }

    /** The signed-in reader, or null for a request without credentials. */
    private NabijUser reader() {
        try {
            return currentUser.get();
        } catch (AuthenticationException anonymous) {
            return null;
        }
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        long max = properties.maxImportSize().toBytes();
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                throw new ImportTooLarge();
            }
            return body;
        }
    }

    private static ResponseEntity<HsdsImport.Report> refused(String code, String message) {
        return refused(List.of(new HsdsImport.RecordError("bundle", null, "", code, message)));
    }

    /** Nothing was imported: the counts are all zero and the errors say why. */
    private static ResponseEntity<HsdsImport.Report> refused(List<HsdsImport.RecordError> errors) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(new HsdsImport.Report(
                        new HsdsImport.Counts(0, 0, 0, 0), new HsdsImport.Counts(0, 0, 0, 0), errors, 0));
    }

    private static String reason(Exception e) {
        return e instanceof JacksonException json ? json.getOriginalMessage() : e.getMessage();
    }

    /** An import larger than {@code nabij.hsds.max-import-size}; answered 413 before anything is read into the map. */
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    static final class ImportTooLarge extends RuntimeException {
        ImportTooLarge() {
            super("the import is larger than nabij.hsds.max-import-size");
        }
    }
}

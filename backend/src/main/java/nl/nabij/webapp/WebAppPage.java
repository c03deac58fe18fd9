package nl.nabij.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The app's one page, with its stylesheets and first module taken from this release's fingerprinted folder
 * ({@link WebAppAssets}). The page is small and revalidated on every visit; what it loads is cached for a year.
 *
 * <p>Opened at {@code /households}, the page also names the household screen's modules and the graph library up front
 * ({@code <link rel="modulepreload">}), so on a slow connection they download together with the shell rather than
 * three round trips after it; the other screens do not pay for the library.
 */
@Controller
class WebAppPage {

    private static final String FIRST_MODULE = "  <script type=\"module\" src=\"/app/main.js\"></script>\n";

    /**
     * Cytoscape (its WebJar, version-agnostic path), the household screen and the ecogram's module, before the first
     * module: over HTTP/1.1 the browser opens six connections to the server, and the largest file should start on
     * one of the first, not wait behind the small ones.
     */
    private static final String HOUSEHOLD_MODULES =
            """
              <link rel="modulepreload" href="/webjars/cytoscape/dist/cytoscape.esm.min.mjs">
              <link rel="modulepreload" href="/app/screens/households.js">
              <link rel="modulepreload" href="/app/graph.js">
            """;

    private final String page;
    private final String householdsPage;

    WebAppPage(WebAppAssets assets) {
        String template;
        try {
            template = new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the web app's page cannot be read", e);
        }
        page = fingerprinted(template, assets);
        if (!template.contains(FIRST_MODULE)) {
            throw new IllegalStateException("index.html no longer loads " + FIRST_MODULE.strip());
        }
        householdsPage = fingerprinted(template.replace(FIRST_MODULE, HOUSEHOLD_MODULES + FIRST_MODULE), assets);
    }

    private static String fingerprinted(String html, WebAppAssets assets) {
        return html.replace("\"/app/", "\"" + assets.base());
    }

    @GetMapping(value = "/index.html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(page);
    }

    @GetMapping(value = "/households", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> households() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(householdsPage);
    }
}

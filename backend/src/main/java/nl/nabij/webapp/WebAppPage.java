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
 */
@Controller
class WebAppPage {

    private final String page;

    WebAppPage(WebAppAssets assets) {
        try {
            page = new ClassPathResource("static/index.html")
                    .getContentAsString(StandardCharsets.UTF_8)
                    .replace("\"/app/", "\"" + assets.base());
        } catch (IOException e) {
            throw new UncheckedIOException("the web app's page cannot be read", e);
        }
    }

    @GetMapping(value = "/index.html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(page);
    }
}

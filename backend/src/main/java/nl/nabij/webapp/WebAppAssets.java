package nl.nabij.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The app's files under a fingerprinted folder, {@code /app/<fingerprint>/…}, cached by the browser for a year: the
 * fingerprint is a digest of every file of the app, so a new release has a new folder and nobody keeps an old file.
 * One fingerprint for the whole folder rather than one per file, because the ES modules import each other by relative
 * paths: a module loaded from the fingerprinted folder finds its imports there too, with no rewriting of the scripts.
 * The page itself ({@code index.html}, see {@link WebAppPage}) and the unfingerprinted paths are revalidated on every
 * visit ({@code spring.web.resources.cache.cachecontrol.no-cache}), which costs a 304 and no bytes when unchanged.
 */
@Configuration
class WebAppAssets implements WebMvcConfigurer {

    static final String LOCATION = "classpath:/static/app/";

    private final String fingerprint = fingerprint();

    /** Where the app's files are served for this release, e.g. {@code /app/3f9c0a1b2c4d/}. */
    String base() {
        return "/app/" + fingerprint + "/";
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(base() + "**")
                .addResourceLocations(LOCATION)
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    private static String fingerprint() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION + "**/*.*");
            Arrays.sort(files, Comparator.comparing(WebAppAssets::path));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Resource file : files) {
                digest.update(path(file).getBytes(StandardCharsets.UTF_8));
                try (InputStream content = file.getInputStream()) {
                    digest.update(content.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("the web app's files cannot be read", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String path(Resource file) {
        try {
            String url = file.getURL().toString();
            return url.substring(url.lastIndexOf("/static/app/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

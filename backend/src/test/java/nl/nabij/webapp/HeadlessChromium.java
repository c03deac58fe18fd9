package nl.nabij.webapp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver, headless. Without them the browser tests are skipped, unless they are required:
 * in CI ({@code CI=true}) or with {@code NABIJ_BROWSER_REQUIRED=true}; {@code NABIJ_BROWSER_REQUIRED=false} lifts it,
 * as {@code NABIJ_CONTAINERS_REQUIRED} does for the container run.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    static ChromeDriver start(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if (required()) {
                throw new IllegalStateException("the browser tests are required here (CI=true or "
                        + "NABIJ_BROWSER_REQUIRED=true) but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: "
                        + "apt-get install -y chromium chromium-driver, or set NABIJ_BROWSER_REQUIRED=false");
            }
            Assumptions.abort("no Chromium here: apt-get install -y chromium chromium-driver to run the web app's "
                    + "browser tests");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root, in a container, on a small shared machine: no sandbox, no /dev/shm, no GPU.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--lang=nl-NL",
                "--window-size=" + width + "," + height);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * Lays the page out at exactly this many CSS pixels, as the screen of that size would: the window of headless
     * Chromium is at least about 485 px wide, so a phone's 390 px needs the DevTools protocol's device emulation
     * ({@code Emulation.setDeviceMetricsOverride}, as a mobile device). Below 600 px wide the page is
     * emulated as a phone; at a wider size the emulation is lifted and the window itself is sized, its bars on top.
     */
    static void viewport(ChromeDriver browser, int width, int height) {
        if (width < 600) {
            browser.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
            return;
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.manage().window().setSize(new Dimension(width, height));
        long[] bars = ((List<?>) browser.executeScript(
                        "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]"))
                .stream().mapToLong(value -> ((Number) value).longValue()).toArray();
        browser.manage().window().setSize(new Dimension(width + (int) bars[0], height + (int) bars[1]));
    }

    /**
     * Where the browser reaches the app. The volunteer registration counts against a rate limit per client address,
     * which the API tests use up from 127.0.0.1; over IPv6 loopback the browser is another client. Where the machine
     * has no IPv6 loopback the browser shares 127.0.0.1 and depends on running before those tests.
     */
    static String baseUrl(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName("::1"), port), 2_000);
            return "http://[::1]:" + port;
        } catch (IOException noIpv6) {
            return "http://127.0.0.1:" + port;
        }
    }

    static boolean required() {
        String required = System.getenv("NABIJ_BROWSER_REQUIRED");
        return required != null ? Boolean.parseBoolean(required) : "true".equals(System.getenv("CI"));
    }
}

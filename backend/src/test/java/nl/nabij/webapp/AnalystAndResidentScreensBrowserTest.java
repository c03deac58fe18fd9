package nl.nabij.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import nl.nabij.demo.DemoAccounts;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The analyst's network map and steering figures, the resident's own screen, the administrator's confirmation links
 * and the public social map, in a real headless Chromium at a laptop's 1366×768 and a phone's 390×844: each does its
 * job, shows Dutch only, does not scroll sideways on the phone, and axe finds nothing serious or critical. Screenshots
 * go to {@code target/screenshots/} (docs/screenshots/ holds copies).
 *
 * <p>Runs in the embedded pass only ({@code embedded-only}): the screens call the same GraphQL API whose behaviour the
 * integration suites check on both databases, and markup, texts and layout do not depend on which one answered.
 */
@Tag("embedded-only")
@NabijIntegrationTest
class AnalystAndResidentScreensBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Dimension LAPTOP = new Dimension(1366, 768);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final SeedData SEED = SeedData.fromClasspath();
    private static final String UNCONFIRMED = "Browsertest Zonder Mail";

    /** Text a Dutch screen must not show: English words from the API, raw codes, and what a missing value prints. */
    private static final List<String> NOT_DUTCH =
            List.of(" the ", " and ", "household", "referral", "team has", "null", "undefined", "NaN", "RESIDENT");

    /**
     * Every visible label of the network map, as the map draws it: its box on screen and its font size at the current
     * zoom. Cytoscape keeps its instance on the container.
     */
    private static final String LABELS =
            """
            const cy = document.querySelector('.graph')._cyreg.cy;
            return cy.nodes().filter((n) => n.data('label') && !n.hasClass('quiet')).map((n) => {
              const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
              return { name: n.data('label'), x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2,
                size: parseFloat(n.style('font-size')) * cy.zoom() };
            });
            """;

    /** Where each screen's screenshot starts. */
    private static final Map<String, String> SHOWN =
            Map.of("network", ".network-layout", "steering", "#clientism", "my-data", "#my-home", "social-map", "h1");

    private static ChromeDriver browser;
    private static String axe;

    @LocalServerPort
    int port;

    @Autowired
    Driver database;

    private String base;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start(LAPTOP.width, LAPTOP.height);
        Files.createDirectories(SCREENSHOTS);
        try (InputStream in = AnalystAndResidentScreensBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        base = HeadlessChromium.baseUrl(port);
        wait = new WebDriverWait(browser, PATIENCE);
        HeadlessChromium.viewport(browser, LAPTOP.width, LAPTOP.height);
        browser.get(base + "/");
        browser.executeScript("sessionStorage.clear(); localStorage.clear();");
        browser.manage().logs().get(LogType.BROWSER);
    }

    /** The unconfirmed registration the links test made goes again. */
    @AfterEach
    void removeWhatTheTestsMade() {
        database.executableQuery("MATCH (r:VolunteerRegistration {name: $name}) DETACH DELETE r")
                .withParameters(Map.of("name", UNCONFIRMED))
                .execute();
    }

    @AfterEach
    void noErrorsInTheConsole() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertThat(errors).as("errors in the browser's console").isEmpty();
    }

    @Test
    void anAnalystReadsTheNetworkMapWithLabelsThatNeverOverlapAndATableBesideIt() throws IOException {
        signIn("analyst");
        for (Dimension size : List.of(LAPTOP, PHONE)) {
            HeadlessChromium.viewport(browser, size.width, size.height);
            browser.get(base + "/network?code=WK990101");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graph[data-drawn]")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#missing-disciplines li")));

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> labels = (List<Map<String, Object>>) browser.executeScript(LABELS);
            assertThat(labels).as("labels on the map").hasSizeGreaterThan(3);
            // The rendered size is the declared one times the drawing's scale, in floating point: 12 can come out as
            // 11.999999999999998, which is 12 on any screen.
            assertThat(labels).allSatisfy(label -> assertThat(((Number) label.get("size")).doubleValue())
                    .as("%s's font size", label.get("name"))
                    .isGreaterThanOrEqualTo(11.995));
            for (int i = 0; i < labels.size(); i++) {
                for (int j = i + 1; j < labels.size(); j++) {
                    assertThat(overlap(labels.get(i), labels.get(j)))
                            .as(
                                    "%s and %s overlap",
                                    labels.get(i).get("name"), labels.get(j).get("name"))
                            .isFalse();
                }
            }
            usable(size, "network");
        }
        HeadlessChromium.viewport(browser, LAPTOP.width, LAPTOP.height);

        // The legend draws the map's own shapes; the table names every node, a professional too.
        assertThat(browser.findElements(By.cssSelector("#network-legend li svg")))
                .hasSize(4);
        WebElement professional = browser.findElement(By.xpath(
                "//div[@id='network-table']//tr[td[starts-with(normalize-space(), 'Professional')]]//th//button"));
        String name = professional.getText();
        professional.click();
        waitForText("#network-hover", name);
        double zoom = zoomLevel();
        click("#zoom-in");
        assertThat(zoomLevel()).isGreaterThan(zoom * 1.2);

        click("#network-table button[data-sort=label]");
        assertThat(browser.findElement(By.cssSelector("#network-table th[aria-sort]"))
                        .getAttribute("aria-sort"))
                .isEqualTo("ascending");

        // Every gap and suggestion worded in Dutch from the API's codes.
        String missing = text("#missing-links");
        assertThat(missing).contains("geen contact mee", "wijkverpleging").doesNotContain("explanation.");
        dutchOnly(missing);

        assertThat(browser.findElement(By.cssSelector("a[data-export=graphml]")).getAttribute("download"))
                .matches("wijknetwerk-haven-WK990101-\\d{4}-\\d{2}-\\d{2}\\.graphml");
        assertThat(browser.findElement(By.cssSelector("a[data-export=nodes]")).getAttribute("download"))
                .matches("wijknetwerk-haven-WK990101-\\d{4}-\\d{2}-\\d{2}-nodes\\.csv");

        click("section[aria-labelledby=compare-title] button[type=submit]");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#comparison tbody tr"), 5));
        assertThat(text("#comparison tbody"))
                .as("Dutch numbers without padding zeros: 19, 0,5")
                .doesNotContainPattern("\\d,\\d*0(?!\\d)")
                .doesNotContainPattern("\\d\\.\\d");
    }

    @Test
    void steeringFiguresComeWithChartsAndTablesAndAnAnalystSeesSuppressedCellsInWords() throws IOException {
        // A team lead works with these households and sees every count.
        signIn("teamlead");
        for (Dimension size : List.of(LAPTOP, PHONE)) {
            HeadlessChromium.viewport(browser, size.width, size.height);
            browser.get(base + "/steering?code=WK990101");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#waiting table")));
            assertThat(text("h1")).isEqualTo("Stuurinformatie");
            assertThat(browser.findElement(By.id("clientism-chart")).getAttribute("aria-label"))
                    .contains("Alle teamleden");
            assertThat(browser.findElements(By.cssSelector("#clientism table tbody tr")))
                    .hasSizeGreaterThan(1);
            assertThat(text("#statutory-terms")).contains("Wmo", "weken");
            String figures = text("#steering-result");
            assertThat(figures).contains("%").doesNotContain("afgeschermd");
            assertThat(figures).doesNotContainPattern("\\d,\\d*0(?!\\d)").doesNotContainPattern("\\d\\.\\d");
            dutchOnly(figures);
            usable(size, "steering");
        }
        HeadlessChromium.viewport(browser, LAPTOP.width, LAPTOP.height);
        click("section[aria-labelledby=steering-compare-title] button[type=submit]");
        wait.until(
                ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#steering-comparison tbody tr"), 10));
        String comparison = text("#steering-comparison tbody");
        assertThat(comparison)
                .contains("Aandeel te laat")
                .doesNotContainPattern("\\d,\\d*0(?!\\d)")
                .doesNotContainPattern("\\d\\.\\d");
        dutchOnly(comparison);

        // An analyst reads under disclosure control: a small count is said to be suppressed, and why.
        signIn("analyst");
        browser.get(base + "/steering?code=BU99010103");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#waiting table")));
        assertThat(text("#steering-result")).contains("afgeschermd (te klein)");
        assertThat(text("#suppression-note")).contains("10");
        assertThat(browser.findElement(By.id("waiting-chart")).getAttribute("aria-label"))
                .contains("afgeschermd (te klein)");
        dutchOnly(text("#steering-result"));
        assertThat(axeViolations()).isEmpty();
    }

    @Test
    void aResidentSeesHerHomeWhoIsInvolvedForWhomAndHerAccessLogPagedInWords() throws IOException {
        // More than one page of accesses: the team lead opens her household again and again.
        var teamLead = GraphQlClients.overHttp(port, TestUsers.teamLead());
        for (int i = 0; i < 21; i++) {
            teamLead.documentName("householdId")
                    .variable("id", SEED.caseHousehold().id())
                    .execute();
        }
        signIn("resident");
        for (Dimension size : List.of(LAPTOP, PHONE)) {
            HeadlessChromium.viewport(browser, size.width, size.height);
            browser.get(base + "/my-data");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#access-log-list li")));
            assertThat(text("#my-home")).contains("postcode 1311 HV", "huisnummer 15");
            assertThat(browser.findElements(By.cssSelector("#household-members li")))
                    .hasSize(SEED.caseHousehold().members().size() - 1);
            assertThat(browser.findElements(By.xpath("//th[normalize-space()='Voor wie']")))
                    .hasSize(1);
            String log = text("#access-log-list");
            assertThat(log).startsWith("U zelf downloadde uw gegevens op");
            assertThat(log).containsPattern(". van .+ bekeek uw gegevens op \\d{1,2} [a-z]+ \\d{4}");
            dutchOnly(text("main"));
            assertThat(browser.findElements(By.cssSelector("#access-log-list li")))
                    .hasSize(20);
            usable(size, "my-data");
        }
        HeadlessChromium.viewport(browser, LAPTOP.width, LAPTOP.height);
        String first = text("#access-log-list li:first-child");
        click("#log-older");
        waitForText("#access-log-status", "U ziet 21 tot en met");
        assertThat(text("#access-log-list li:first-child")).isNotEqualTo(first);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("access-log-status");
    }

    @Test
    void anAdministratorHandsOverAConfirmationLinkAndTheTeamLeadSeesWhatToDo() throws IOException {
        String id = UUID.randomUUID().toString();
        database.executableQuery(
                        """
                        MATCH (n:Neighbourhood {code: $neighbourhood})
                        CREATE (r:VolunteerRegistration {id: $id, name: $name, phone: '0612345678',
                                offers: ['LISTENING_EAR'], consentToBeContacted: true, status: 'UNCONFIRMED',
                                createdAt: datetime(), confirmBefore: datetime() + duration('P2D'),
                                confirmationNotMailed: true})-[:IN]->(n)
                        """)
                .withParameters(Map.of("neighbourhood", "BU99010101", "id", id, "name", UNCONFIRMED))
                .execute();

        signIn("admin");
        for (Dimension size : List.of(LAPTOP, PHONE)) {
            HeadlessChromium.viewport(browser, size.width, size.height);
            browser.get(base + "/volunteer-links");
            By registration = By.cssSelector("[data-registration-id='" + id + "']");
            wait.until(ExpectedConditions.presenceOfElementLocated(registration));
            browser.findElement(registration)
                    .findElement(By.cssSelector("button.issue-link"))
                    .click();
            WebElement link = wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(
                    registration, By.cssSelector("input.confirmation-link")));
            assertThat(link.getAttribute("value")).contains("/volunteer/confirm?token=");
            dutchOnly(text("main"));
            usable(size, "volunteer-links");
        }
        HeadlessChromium.viewport(browser, LAPTOP.width, LAPTOP.height);

        signIn("teamlead");
        browser.get(base + "/volunteers");
        click("input[value=UNCONFIRMED]");
        waitForText("#review-queue", UNCONFIRMED);
        assertThat(text("#review-queue .unconfirmed-action")).contains("Bevestigingslinks");
    }

    @Test
    void anyoneFindsThePublicPlacesByNeighbourhoodAndByWhatTheyOfferWithoutSigningIn() throws IOException {
        for (Dimension size : List.of(LAPTOP, PHONE)) {
            HeadlessChromium.viewport(browser, size.width, size.height);
            browser.get(base + "/social-map");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#social-map-places li")));
            long listed = SEED.vindplaatsen().stream()
                    .filter(place -> place.publicListing() != null)
                    .count();
            assertThat(browser.findElements(By.cssSelector("#social-map-places li")))
                    .hasSizeGreaterThanOrEqualTo((int) listed);
            dutchOnly(text("main"));
            usable(size, "social-map");
        }
        HeadlessChromium.viewport(browser, LAPTOP.width, LAPTOP.height);

        new Select(browser.findElement(By.cssSelector("select[name=neighbourhood]"))).selectByVisibleText("Poortplein");
        wait.until(driver -> driver.findElements(By.cssSelector("#social-map-places li")).stream()
                .allMatch(card -> card.getText().contains("Poortplein")));
        assertThat(text("#social-map-places")).contains("Wijkcentrum De Poort");

        new Select(browser.findElement(By.cssSelector("select[name=neighbourhood]"))).selectByIndex(0);
        type("input[name=q]", "huiswerkklas");
        waitForText("#social-map-count", "1 plek gevonden");
        assertThat(text("#social-map-places")).contains("Vrijwilligers Huiswerkklas Poort");
        type("input[name=q]", "huiswerk");
        waitForText("#social-map-count", "plekken gevonden");
        assertThat(browser.findElements(By.cssSelector("#social-map-places li")))
                .allSatisfy(card -> assertThat(card.getText().toLowerCase()).contains("huiswerk"));
        type("input[name=q]", "bibliotheek");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#social-map-places li"), 2));
        assertThat(browser.getCurrentUrl()).endsWith("/social-map?q=bibliotheek");
    }

    private static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
        return number(a, "x1") < number(b, "x2")
                && number(b, "x1") < number(a, "x2")
                && number(a, "y1") < number(b, "y2")
                && number(b, "y1") < number(a, "y2");
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    private double zoomLevel() {
        return ((Number) browser.executeScript("return document.querySelector('.graph')._cyreg.cy.zoom()"))
                .doubleValue();
    }

    private static void dutchOnly(String text) {
        String spaced = " " + text.replace('\n', ' ') + " ";
        assertThat(NOT_DUTCH).allSatisfy(word -> assertThat(spaced).doesNotContain(word));
        assertThat(text).as("raw codes").doesNotContainPattern("\\b[A-Z]{2,}_[A-Z_]+\\b");
    }

    /**
     * What every screen must be at every size: one heading, no sideways scrolling, nothing serious or critical for
     * axe; then its screenshot.
     */
    private void usable(Dimension size, String screen) throws IOException {
        String where = screen + " at " + size.width + "×" + size.height;
        assertThat(browser.findElements(By.tagName("h1")))
                .as("one heading on %s", where)
                .hasSize(1);
        assertThat(((Number) browser.executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                        .intValue())
                .as("sideways scrolling on %s", where)
                .isLessThanOrEqualTo(0);
        assertThat(axeViolations()).as("axe on %s", where).isEmpty();
        // The picture shows what the screen is for, not its search form.
        browser.executeScript(
                "document.querySelector(arguments[0])?.scrollIntoView(); window.scrollBy(0, -8);",
                SHOWN.getOrDefault(screen, "h1"));
        Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(
                png,
                SCREENSHOTS.resolve(screen + "-" + (size.equals(PHONE) ? "phone" : "laptop") + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** axe-core's serious and critical violations on the page as it is, each as its rule and first element. */
    @SuppressWarnings("unchecked")
    private List<String> axeViolations() {
        browser.executeScript(axe);
        Object result = browser.executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then((results) => done(results.violations
                  .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                  .map((v) => `${v.id}: ${v.help} at ${v.nodes[0].target.join(' ')} (${v.nodes.length})`)));
                """);
        return (List<String>) result;
    }

    private void signIn(String username) {
        browser.get(base + "/");
        browser.executeScript("sessionStorage.clear();");
        browser.get(base + "/sign-in");
        type("input[name=username]", username);
        type("input[name=password]", DemoAccounts.PASSWORD);
        click("form button[type=submit]");
        waitForText("#signed-in-as", username);
    }

    private void type(String css, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        input.clear();
        input.sendKeys(text);
    }

    private void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    private void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }
}

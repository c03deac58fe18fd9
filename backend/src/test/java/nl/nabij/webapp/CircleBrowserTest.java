package nl.nabij.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.nabij.demo.DemoAccounts;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.seed.SeedData;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestHouseholds;
import nl.nabij.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * The team lead's circle and the professional's first registration, in a real headless Chromium at a laptop's
 * 1366×768 and a phone's 390×844: the people involved come first and fit the screen, the ecogram stays readable and
 * highlights one person's links, a professional joins a household by BSN and sees its circle, coordination ends from
 * the screen. Every screen walked is Dutch (no English words, no raw codes, no "null"), axe finds nothing serious, and
 * the app's own 404 and error pages answer instead of Spring's. Screenshots go to {@code target/screenshots/}.
 *
 * <p>Runs in the embedded pass only ({@code embedded-only}): the screens call the same GraphQL API whose behaviour the
 * integration suites check on both databases, and markup, texts and layout do not depend on which one answered.
 */
@Tag("embedded-only")
@NabijIntegrationTest
class CircleBrowserTest {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(new ServerSetup(TestMail.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Dimension LAPTOP = new Dimension(1366, 768);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final SeedData SEED = SeedData.fromClasspath();
    /** A household nobody in the demo is involved with, which the registration test joins. */
    private static final String HOUSEHOLD = "5f0c8d3e-0000-4000-8000-00000000c001";

    private static final String RESIDENT = "5f0c8d3e-0000-4000-8000-00000000c011";
    /** Synthetic, passes the elfproef. */
    private static final String BSN = "123456782";

    /** Words that are English and never Dutch: one of them on a Dutch screen is a text the app forgot to translate. */
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(the|and|with|your|please|which|this|that|from|are|have|nobody|none|now|household|households|"
                    + "organisations?|involved|coordinator|error|loading|search|sign in|page|not found|"
                    + "whitelabel|null|undefined)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A code the API gives that the app should have worded: ENUM_VALUES, __schema, household-by-address. */
    private static final Pattern RAW_CODE =
            Pattern.compile("\\b[A-Z]{2,}_[A-Z_]{2,}\\b|__[a-z]+|\\b[a-z]+-[a-z]+-[a-z]+\\b");

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Driver database;

    @Autowired
    Pseudonymiser pseudonymiser;

    private String base;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start(LAPTOP.width, LAPTOP.height);
        Files.createDirectories(SCREENSHOTS);
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
        viewport(LAPTOP);
        browser.get(base + "/");
        browser.executeScript("sessionStorage.clear(); localStorage.clear();");
    }

    @AfterEach
    void removeTheHousehold() {
        TestHouseholds.removeWithItsCircle(database, HOUSEHOLD);
        database.executableQuery("MATCH (p:Professional {id: $me}) REMOVE p.memberMisses, p.memberMissHour")
                .withParameters(Map.of("me", professionalOf("professional").id()))
                .execute();
    }

    @Test
    void theTeamLeadSeesThePeopleFirstAndAReadableEcogramOnALaptopAndAPhone() throws IOException {
        signIn("teamlead");
        viewport(LAPTOP);
        browser.get(base + "/households?postcode=1311HV&number=15");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#circle tbody tr"), 15));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graph[data-drawn]")));

        // The names come before the picture, and the first of them are on the first screen without scrolling.
        assertThat((Boolean)
                        browser.executeScript("return !!(document.querySelector('#circle').compareDocumentPosition("
                                + "document.querySelector('.graph')) & Node.DOCUMENT_POSITION_FOLLOWING)"))
                .isTrue();
        viewportScreenshot("circle-laptop");
        assertThat(namesOnTheFirstScreen())
                .as("names of the circle visible without scrolling at 1366×768; %s", layout())
                .isEqualTo(15);
        assertThat(text("#circle thead")).contains("Werkt samen met").contains("Geen contact met");

        // The regie warnings are Dutch sentences built from the API's codes and values.
        assertThat(text("#regie-flags")).contains("organisaties").doesNotContain("NO_COORDINATOR");

        // Working links only; the mesh of missing ones is there on request; labels 12 px or more.
        assertThat(visibleUnlinkedEdges()).isZero();
        assertThat(smallestLabel()).isGreaterThanOrEqualTo(12.0);
        click("input[name=showUnlinked]");
        // Cytoscape applies a class change to its styles on its next frame, which a slow machine may take a while to
        // draw.
        wait.until(driver -> visibleUnlinkedEdges() == 99);
        click("input[name=showUnlinked]");

        // Pointing at a person (hover or keyboard focus) highlights them and says whom they work with.
        WebElement first = browser.findElement(By.cssSelector("#circle tbody tr:first-child button.person"));
        new Actions(browser).moveToElement(first).perform();
        wait.until(driver -> focusedNodes() == 1);
        browser.executeScript("document.querySelector('#circle tbody tr:nth-child(2) button.person').focus()");
        assertThat(text("#ecogram-focus")).contains("werkt samen met");

        // Each column heading sorts: by organisation, the rows follow the organisations' names.
        click("#circle th button[data-column=organisation]");
        assertThat(text("#circle th[aria-sort]")).contains("Organisatie");
        assertThat((Boolean) browser.executeScript(
                        "return [...document.querySelectorAll('#circle tbody td.organisation')].map((td) => td.textContent)"
                                + ".every((name, i, all) => i === 0 || all[i - 1].localeCompare(name) <= 0)"))
                .isTrue();

        dutchOnly();
        axeFindsNothingSerious();

        viewport(PHONE);
        browser.get(base + "/households?postcode=1311HV&number=15");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#circle tbody tr"), 15));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graph[data-drawn]")));
        assertThat(horizontalOverflow()).as("wider than a 390 px phone").isZero();
        assertThat(smallestLabel()).isGreaterThanOrEqualTo(12.0);
        assertThat(namesOnTheFirstScreen()).isGreaterThanOrEqualTo(1);
        axeFindsNothingSerious();
        browser.executeScript("window.scrollTo(0, 0)");
        viewportScreenshot("circle-phone");

        browser.get(base + "/overlap");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#overlap-table tbody tr")));
        assertThat(horizontalOverflow()).as("the overlap table on a phone").isZero();
        dutchOnly();
        axeFindsNothingSerious();
    }

    @Test
    void aProfessionalRegistersByBsnWithAHouseholdTheyWereNotInAndSeesItsCircle() {
        SeedData.Professional other = aProfessionalOfAnotherOrganisation();
        aHouseholdWith(other);
        signIn("professional");
        for (Dimension size : List.of(PHONE, LAPTOP)) {
            viewport(size);
            browser.get(base + "/households?postcode=9999ZX&number=3");
            waitForText("#household-results", "geen huishouden gevonden");
            if (size.equals(PHONE)) {
                assertThat(horizontalOverflow()).isZero();
                axeFindsNothingSerious();
            }
        }
        click(".finder > summary");
        type("#join-form input[name=bsn]", BSN);
        new Select(browser.findElement(By.cssSelector("#join-form select[name=domain]"))).selectByValue("WMO");
        new Select(browser.findElement(By.cssSelector("#join-form select[name=legalBasis]")))
                .selectByValue("PUBLIC_TASK");
        click("#join-form button[type=submit]");

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#circle tbody tr"), 2));
        assertThat(text("#circle"))
                .contains(professionalOf("professional").name())
                .contains(other.name());
        showsTheHouseholdJustJoinedWithTheFocusOnTheResult();

        // A wrong BSN is refused in Dutch, next to the field.
        click(".finder > summary");
        type("#join-form input[name=bsn]", "123456789");
        new Select(browser.findElement(By.cssSelector("#join-form select[name=domain]"))).selectByValue("WMO");
        click("#join-form button[type=submit]");
        waitForText("#join-form .notice.error", "elfproef");
    }

    @Test
    void aProfessionalRegistersByAddressAndMemberWithAHouseholdTheyWereNotInAndSeesItsCircle() throws IOException {
        SeedData.Professional other = aProfessionalOfAnotherOrganisation();
        aHouseholdWith(other);
        signIn("professional");
        browser.get(base + "/households?postcode=9999ZX&number=3");
        waitForText("#household-results", "geen huishouden gevonden");
        click(".finder > summary");
        // The way is chosen by keyboard: the arrow key moves from "BSN" to "adres en gezinslid".
        browser.findElement(By.cssSelector("#join-form input[name=way][value=bsn]"))
                .sendKeys(Keys.ARROW_DOWN);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#join-form input[name=name]")));
        assertThat(browser.findElement(By.cssSelector("#join-form input[name=bsn]"))
                        .isDisplayed())
                .isFalse();
        type("#join-form input[name=postcode]", "9999 zx");
        type("#join-form input[name=number]", "3");
        type("#join-form input[name=name]", "noor kringtest");
        type("#join-form input[name=birthYear]", "1985");
        new Select(browser.findElement(By.cssSelector("#join-form select[name=domain]"))).selectByValue("WMO");
        browser.findElement(By.cssSelector("#join-form input[name=name]")).sendKeys(Keys.ENTER);

        // The legal basis is required in the form, and the summary names and links each error's field.
        waitForText("#join-form .notice.error", "Vul dit in");
        assertThat(browser.findElements(By.cssSelector("#join-form .notice.error a")))
                .extracting(WebElement::getText)
                .containsExactly("Grondslag: Vul dit in.");
        for (Dimension size : List.of(PHONE, LAPTOP)) {
            viewport(size);
            axeFindsNothingSerious();
        }
        viewportScreenshot("join-by-address");
        new Select(browser.findElement(By.cssSelector("#join-form select[name=legalBasis]"))).selectByValue("CONSENT");
        browser.findElement(By.cssSelector("#join-form input[name=name]")).sendKeys(Keys.ENTER);
        // A wrong birth year names nobody, and says nothing about who does live there.
        waitForText("#join-form .notice.error", "niet precies één gezinslid");
        assertThat(text("#join-form")).doesNotContain("Kringtest");

        type("#join-form input[name=birthYear]", "1984");
        browser.findElement(By.cssSelector("#join-form input[name=name]")).sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#circle tbody tr"), 2));
        assertThat(text("#circle"))
                .contains(professionalOf("professional").name())
                .contains(other.name())
                .contains("toestemming");
        showsTheHouseholdJustJoinedWithTheFocusOnTheResult();
    }

    /** Someone already involved in the household the signed-in professional joins: another name, another employer. */
    private SeedData.Professional aProfessionalOfAnotherOrganisation() {
        return SEED.professionals().stream()
                .filter(p -> !p.name().equals(professionalOf("professional").name()))
                .filter(p -> !p.organisationId()
                        .equals(professionalOf("professional").organisationId()))
                .findFirst()
                .orElseThrow();
    }

    /** After registering: the household's address, the result message with the focus, in Dutch, axe clean. */
    private void showsTheHouseholdJustJoinedWithTheFocusOnTheResult() {
        waitForText(".action-message", "U bent nu betrokken");
        assertThat(text(".household h2")).contains("9999 ZX 3");
        assertThat((Boolean) browser.executeScript(
                        "return document.activeElement === document.querySelector('.action-message')"))
                .as("the focus moved to the result")
                .isTrue();
        assertThat(browser.getCurrentUrl()).contains("/households?id=" + HOUSEHOLD);
        dutchOnly();
        axeFindsNothingSerious();
    }

    @Test
    void theTeamLeadEndsCoordinationFromTheScreen() {
        SeedData.Professional coordinator = SEED.professionals().stream()
                .filter(p -> !p.name().equals(professionalOf("teamlead").name()))
                .findFirst()
                .orElseThrow();
        aHouseholdWith(coordinator);
        database.executableQuery(
                        "MATCH (p:Professional {id: $p}), (h:Household {id: $h}) CREATE (p)-[:COORDINATES]->(h)")
                .withParameters(Map.of("p", coordinator.id(), "h", HOUSEHOLD))
                .execute();
        signIn("teamlead");
        browser.get(base + "/households?id=" + HOUSEHOLD);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#circle tbody tr"), 1));
        assertThat(text("#circle")).contains("(regisseur)");
        click("#end-coordination button[type=submit]");
        waitForText(".action-message", "heeft nu geen regisseur");
        assertThat(text("#circle")).doesNotContain("(regisseur)");
        assertThat((Boolean) browser.executeScript(
                        "return document.activeElement === document.querySelector('.action-message')"))
                .isTrue();
    }

    @Test
    void everyScreenOfEachUserIsDutchAndAxeFindsNothingSerious() throws IOException {
        // Each route of the app, opened by someone who may open it (the public ones signed out), in Dutch.
        Map<String, List<String>> visits = new LinkedHashMap<>();
        visits.put(
                "",
                List.of(
                        "/",
                        "/sign-in",
                        "/sign-in/callback",
                        "/volunteer/register",
                        "/volunteer/mine",
                        "/volunteer/confirm",
                        "/social-map",
                        "/nergens"));
        visits.put(
                "teamlead",
                List.of("/", "/households", "/notifications", "/overlap", "/network", "/steering", "/volunteers"));
        visits.put("professional", List.of("/households", "/notifications", "/overlap"));
        visits.put("analyst", List.of("/network", "/steering"));
        visits.put("admin", List.of("/", "/grants", "/volunteer-links"));
        visits.put("auditor", List.of("/", "/audit"));
        visits.put("resident", List.of("/", "/my-data"));
        assertThat(visits.values().stream().flatMap(List::stream))
                .as("every route of the app's shell")
                .containsAll(appRoutes());

        browser.manage().logs().get(LogType.BROWSER);
        for (Map.Entry<String, List<String>> user : visits.entrySet()) {
            if (!user.getKey().isEmpty()) {
                signIn(user.getKey());
                assertThat(text("#signed-in-as")).doesNotContainPattern("[A-Z]{2,}_");
            }
            for (String route : user.getValue()) {
                browser.get(base + route);
                settled();
                dutchOnly();
                axeFindsNothingSerious();
                assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                                .map(LogEntry::getMessage)
                                .filter(message -> message.contains("missing text")))
                        .as("texts the app asks for and does not have, on %s", route)
                        .isEmpty();
            }
        }
    }

    /** The paths of the app's screens, as its shell lists them. */
    private static List<String> appRoutes() throws IOException {
        String shell = new ClassPathResource("static/app/shell.js").getContentAsString(StandardCharsets.UTF_8);
        List<String> paths = new ArrayList<>();
        Matcher path = Pattern.compile("\\{ path: '([^']+)'").matcher(shell);
        while (path.find()) {
            paths.add(path.group(1));
        }
        assertThat(paths).as("routes in shell.js").hasSizeGreaterThan(10);
        return paths;
    }

    @Test
    void anExpiredSessionReturnsToSignInAndSaysSo() {
        signIn("teamlead");
        database.executableQuery("MATCH (s:Session {username: 'teamlead'}) DETACH DELETE s")
                .execute();
        browser.get(base + "/overlap");
        waitForText("#sign-in-message", "sessie is verlopen");
        assertThat(browser.getCurrentUrl()).contains("/sign-in?next=%2Foverlap");
        type("input[name=username]", "teamlead");
        type("input[name=password]", DemoAccounts.PASSWORD);
        click("form button[type=submit]");
        wait.until(ExpectedConditions.urlContains("/overlap"));
    }

    @Test
    void aScreenThatFailsKeepsItsHeadingAndOffersToTryAgain() {
        signIn("teamlead");
        browser.get(base + "/households?postcode=1311HV&number=15");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#circle tbody tr"), 15));
        // The network goes away for the next call.
        browser.executeScript(
                "window.__fetch = window.fetch; window.fetch = () => Promise.reject(new TypeError('offline'));");
        browser.executeScript("document.querySelector('#menu a[href=\"/overlap\"]').click()");
        waitForText("main .notice.error", "niet bereikbaar");
        assertThat(text("h1")).isEqualTo("Overlap");
        assertThat(browser.findElements(By.cssSelector("main .busy"))).isEmpty();
        browser.executeScript("window.fetch = window.__fetch;");
        click("main .notice.error button.retry");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#overlap-table tbody tr")));
    }

    @Test
    void theAppsOwnPagesAnswerForAnUnknownAddressAndAnErrorNeverSpringsWhitelabel() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> missing = client.send(
                HttpRequest.newBuilder(URI.create(base + "/bestaat-niet"))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Pagina niet gevonden").doesNotContain("Whitelabel");
        browser.get(base + "/bestaat-niet");
        waitForText("h1", "Pagina niet gevonden");
        dutchOnly();
        axeFindsNothingSerious();

        // The app's files: compressed, and the page names this release's fingerprinted folder, cached for a year.
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        Matcher script =
                Pattern.compile("src=\"(/app/[0-9a-f]{12}/main\\.js)\"").matcher(page.body());
        assertThat(script.find()).isTrue();
        HttpResponse<byte[]> shell = client.send(
                HttpRequest.newBuilder(URI.create(base + script.group(1).replace("main.js", "shell.js")))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(shell.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(shell.headers().firstValue("Cache-Control").orElseThrow())
                .contains("max-age=31536000")
                .contains("immutable");
    }

    private long namesOnTheFirstScreen() {
        return (Long)
                browser.executeScript(
                        """
                return window.scrollY === 0 ? [...document.querySelectorAll('#circle tbody tr button.person')]
                  .filter((name) => { const r = name.getBoundingClientRect();
                    return r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth; }).length : -1;
                """);
    }

    /** The page itself this size, in CSS pixels: a phone's 390 px emulated, a laptop's window with its bars on top. */
    private void viewport(Dimension size) {
        HeadlessChromium.viewport(browser, size.width, size.height);
    }

    /** Where the parts of the screen lie, for a failure's message. */
    private Object layout() {
        return browser.executeScript(
                """
                const at = (css) => { const e = document.querySelector(css);
                  return e ? `${css}: ${Math.round(e.getBoundingClientRect().top)}-${Math.round(e.getBoundingClientRect().bottom)}` : ''; };
                return [window.innerWidth + 'x' + window.innerHeight, at('.site-header'), at('h1'), at('.finder'),
                  at('.household h2'), at('.household dl'), at('#circle-heading'), at('#circle thead'),
                  at('#circle tbody tr'), at('#circle tbody tr:last-child')].join('; ');
                """);
    }

    private long horizontalOverflow() {
        return (Long) browser.executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)");
    }

    private long visibleUnlinkedEdges() {
        return (Long)
                browser.executeScript(
                        "return document.querySelector('.graph')._cyreg.cy.edges('.unlinked').filter((e) => e.visible()).length");
    }

    private long focusedNodes() {
        return (Long)
                browser.executeScript("return document.querySelector('.graph')._cyreg.cy.nodes('.focused').length");
    }

    /** The smallest label of the ecogram as drawn on the screen: its font size times the zoom. */
    private double smallestLabel() {
        return ((Number)
                        browser.executeScript(
                                """
                        const cy = document.querySelector('.graph')._cyreg.cy;
                        return Math.min(...cy.nodes().map((n) => parseFloat(n.style('font-size')) * cy.zoom()));
                        """))
                .doubleValue();
    }

    /** The visible text of the page holds no English word, no raw code, and no "null". */
    private void dutchOnly() {
        String screen = browser.getCurrentUrl();
        String visible = (String) browser.executeScript(
                "return [...document.querySelectorAll('body *')].filter((e) => !e.closest('[lang=en], .language, .code'))"
                        + ".flatMap((e) => [...e.childNodes]).filter((n) => n.nodeType === 3 && n.parentElement"
                        + ".getClientRects().length).map((n) => n.textContent).join(' ')");
        List<String> english = new ArrayList<>();
        Matcher word = ENGLISH.matcher(visible);
        while (word.find()) {
            english.add(word.group());
        }
        assertThat(english).as("English words on %s", screen).isEmpty();
        List<String> codes = new ArrayList<>();
        Matcher code = RAW_CODE.matcher(visible);
        while (code.find()) {
            codes.add(code.group());
        }
        assertThat(codes).as("raw codes on %s", screen).isEmpty();
    }

    /** axe-core (vendored in src/test/resources/axe) finds no serious or critical violation on the page. */
    @SuppressWarnings("unchecked")
    private void axeFindsNothingSerious() {
        String screen = browser.getCurrentUrl();
        if (!(Boolean) browser.executeScript("return typeof window.axe !== 'undefined'")) {
            browser.executeScript(axe());
        }
        List<String> violations = (List<String>)
                browser.executeAsyncScript(
                        """
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then((results) => done(results.violations
                  .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                  .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)));
                """);
        assertThat(violations)
                .as("serious or critical axe violations on %s", screen)
                .isEmpty();
    }

    private static String axeSource;

    private static String axe() {
        if (axeSource == null) {
            try (var in = CircleBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("axe-core is vendored in src/test/resources/axe", e);
            }
        }
        return axeSource;
    }

    /** The screen has drawn: one heading, no progress left. */
    private void settled() {
        wait.until(driver -> (Boolean) browser.executeScript(
                "return !document.querySelector('main[aria-busy]') && !document.querySelector('main .busy')"
                        + " && !!document.querySelector('main h1')"));
    }

    private SeedData.Professional professionalOf(String username) {
        String id = DemoAccounts.users(SEED).stream()
                .filter(user -> user.username().equals(username))
                .findFirst()
                .orElseThrow()
                .professionalId();
        return SEED.professionals().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private void aHouseholdWith(SeedData.Professional professional) {
        database.executableQuery(
                        """
                        MATCH (n:Neighbourhood {code: $neighbourhood})
                        CREATE (h:Household {id: $household, postcode: '9999ZX', houseNumber: 3})-[:LOCATED_IN]->(n)
                        CREATE (:Resident {id: $resident, pseudonym: $pseudonym, displayName: 'Noor Kringtest',
                                birthYear: 1984})-[:MEMBER_OF {role: 'ADULT'}]->(h)
                        WITH h
                        MATCH (p:Professional {id: $professional})-[:EMPLOYED_BY]->(o:Organisation)
                        CREATE (p)-[:REGISTERED]->(i:Involvement {id: randomUUID(), domain: 'YOUTH', status: 'ACTIVE',
                                since: date() - duration('P20D')})-[:CONCERNS]->(h)
                        CREATE (i)-[:ON_BEHALF_OF]->(o)
                        """)
                .withParameters(Map.of(
                        "neighbourhood", SEED.caseHousehold().neighbourhoodCode(),
                        "household", HOUSEHOLD,
                        "resident", RESIDENT,
                        "pseudonym", pseudonymiser.pseudonymise(BSN),
                        "professional", professional.id()))
                .execute();
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

    private void viewportScreenshot(String name) throws IOException {
        Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

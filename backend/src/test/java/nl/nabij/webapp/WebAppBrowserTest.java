package nl.nabij.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.nabij.demo.DemoAccounts;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestHouseholds;
import nl.nabij.support.TestIdentityProvider;
import nl.nabij.support.TestMail;
import nl.nabij.support.TestUsers;
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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web app in a real headless Chromium against the running application with the demo data: each user group's
 * screen does its job, every form control has a label and all text has enough contrast, and each screen is
 * photographed into {@code target/screenshots/} (the pictures of docs/reference/web-app.md are copies of them in
 * docs/screenshots/). Every wait is explicit and generous: the build machine has two shared cores.
 *
 * <p>Runs in the embedded pass only ({@code embedded-only}): the screens call the same GraphQL API whose behaviour the
 * integration suites check on both databases, and markup, texts and layout do not depend on which one answered.
 */
@Tag("embedded-only")
@NabijIntegrationTest
class WebAppBrowserTest {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(new ServerSetup(TestMail.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Pattern CONFIRMATION = Pattern.compile("confirm\\?token=([A-Za-z0-9_-]+)");
    /** One of the documented case's professionals: a volunteer must not see this name. */
    private static final String CASE_PROFESSIONAL = "Abena Mensah";
    /** The professional involved with the demo resident herself, whom her own screen shows. */
    private static final String RESIDENTS_OWN_PROFESSIONAL = "Eva Prins";

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final NabijUser TEAM_LEAD = TestUsers.teamLead();
    /** A household of Haven that only the forms test uses, so the documented case keeps its figures. */
    private static final String HOUSEHOLD = "5f0c8d3e-0000-4000-8000-00000000f001";

    private static final String CONSENT_PURPOSE = "Afstemming met de school (browsertest)";

    /** The visible form controls that no label, aria-label or aria-labelledby names. */
    private static final String UNLABELLED =
            """
            return [...document.querySelectorAll('input, select, textarea')]
              .filter((control) => control.type !== 'hidden')
              .filter((control) => !control.getAttribute('aria-label') && !control.getAttribute('aria-labelledby')
                && ![...(control.labels ?? [])].some((label) => label.textContent.trim()))
              .map((control) => control.outerHTML);
            """;

    /** Visible text below WCAG 2.1 AA contrast against the background it is drawn on: 4.5:1, or 3:1 for large text. */
    private static final String LOW_CONTRAST =
            """
            const parse = (colour) => {
              const match = colour.match(/rgba?\\(([^)]+)\\)/);
              if (!match) return null;
              const [r, g, b, a] = match[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
              return { r, g, b, a: a === undefined ? 1 : a };
            };
            const luminance = ({ r, g, b }) => [r, g, b]
              .map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
              .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            const background = (element) => {
              for (let e = element; e; e = e.parentElement) {
                const colour = parse(getComputedStyle(e).backgroundColor);
                if (colour && colour.a > 0) return colour;
              }
              return { r: 255, g: 255, b: 255, a: 1 };
            };
            const failures = [];
            for (const element of document.querySelectorAll('body *')) {
              if (element.closest('.graph, [hidden], .visually-hidden, option') || element.disabled) continue;
              if (![...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
              const style = getComputedStyle(element);
              if (style.visibility === 'hidden' || element.getClientRects().length === 0) continue;
              const [light, dark] = [luminance(parse(style.color)), luminance(background(element))].sort((a, b) => b - a);
              const ratio = (light + 0.05) / (dark + 0.05);
              const size = parseFloat(style.fontSize);
              const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
              if (ratio < (large ? 3 : 4.5)) {
                failures.push(`${element.tagName} "${element.textContent.trim().slice(0, 40)}" ${ratio.toFixed(2)}:1`);
              }
            }
            return failures;
            """;

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    private String base;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start(WIDTH, HEIGHT);
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
        // A phone's emulation from an earlier test is lifted, so the window's own size counts again.
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        browser.get(base + "/");
        browser.executeScript("sessionStorage.clear(); localStorage.clear();");
        browser.manage().logs().get(LogType.BROWSER);
    }

    @Autowired
    Driver database;

    @Autowired
    TestIdentityProvider identityProvider;

    /**
     * What the tests made goes again, so the suites after this one count without it: the place the volunteer test
     * proposes (approved and connected), the forms test's household with its circle, match and notifications, and the
     * consent the resident test grants, and the grants test's accounts with their grants.
     */
    @AfterEach
    void removeWhatTheTestsMade() {
        database.executableQuery(
                        """
                        MATCH (v:Vindplaats {name: 'Taalcafe De Brug'})
                        OPTIONAL MATCH (v)<-[:ACTS_FROM]-(r:VolunteerRegistration)
                        DETACH DELETE v, r
                        """)
                .execute();
        TestHouseholds.removeWithItsCircle(database, HOUSEHOLD);
        database.executableQuery("MATCH (c:Consent {purpose: $purpose}) DETACH DELETE c")
                .withParameters(Map.of("purpose", CONSENT_PURPOSE))
                .execute();
        database.executableQuery(
                        """
                        MATCH (a:Account) WHERE a.username STARTS WITH 'test.'
                        OPTIONAL MATCH (a)-[:HAS_GRANT]->(g:AccountGrant)
                        DETACH DELETE a, g
                        """)
                .execute();
    }

    @AfterEach
    void noErrorsInTheConsole() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // A wrong password is answered 401 on purpose; Chromium logs every such answer.
                .filter(message -> !message.contains("status of 401"))
                // So is the identity provider's 503 in the test where it is down.
                .filter(message -> !(message.contains(identityProvider.issuer()) && message.contains("status of 503")))
                .toList();
        assertThat(errors).as("errors in the browser's console").isEmpty();
    }

    @Test
    void signInSaysPlainlyWhenThePasswordIsWrongAndSwitchesToEnglish() throws IOException {
        browser.get(base + "/sign-in");
        assertThat(language()).isEqualTo("nl");
        type("input[name=username]", "teamlead");
        type("input[name=password]", "not-the-password");
        click("form button[type=submit]");
        waitForText(".notice.error", "klopt niet");
        assertThat(browser.findElement(By.cssSelector(".skip-link")).getAttribute("href"))
                .endsWith("#main");
        accessible();
        screenshot("sign-in");

        click("[data-lang=en]");
        wait.until(driver -> "en".equals(language()));
        waitForText("h1", "Sign in");
        click("[data-lang=nl]");
        waitForText("h1", "Inloggen");
    }

    @Test
    void aTeamLeadSignsInAtTheIdentityProviderAndGetsTheHouseholdAndTheLiveInbox() throws Exception {
        HttpResponse<Void> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("connect-src 'self' " + origin(identityProvider.issuer()) + ";"));

        identityProvider.signsIn(TEAM_LEAD);
        browser.get(base + "/households?postcode=1311HV&number=15");
        waitForText("#sign-in-provider", "Inloggen via " + TestIdentityProvider.NAME);
        accessible();
        screenshot("sign-in-oidc");
        click("#sign-in-provider");

        waitForText("#signed-in-as", TEAM_LEAD.username());
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#circle tbody tr"), 15));
        assertThat(browser.getCurrentUrl()).endsWith("/households?postcode=1311HV&number=15");
        // The token was exchanged once for a session: the browser keeps only the HttpOnly cookie, no token.
        assertThat((String) browser.executeScript("return sessionStorage.getItem('nabij.session')"))
                .contains(TEAM_LEAD.username())
                .doesNotContain("Bearer", "eyJ");
        assertThat(browser.manage().getCookieNamed("nabij-session").isHttpOnly())
                .isTrue();
        assertThat(browser.executeScript("return sessionStorage.getItem('nabij.oidc.pending')"))
                .isNull();

        // The live inbox signs in with the session cookie its handshake carries.
        click("#menu a[href='/notifications']");
        waitForText("#live-state", "direct");

        click("#sign-out");
        waitForText("h1", "Inloggen");
        assertThat(browser.executeScript("return sessionStorage.getItem('nabij.session')"))
                .isNull();
    }

    @Test
    void signingInAtTheIdentityProviderSaysPlainlyWhatWentWrong() throws IOException {
        identityProvider.goesDown();
        browser.get(base + "/sign-in");
        click("#sign-in-provider");
        waitForText("#sign-in-message [role=alert]", "niet bereikbaar");

        identityProvider.refusesSignIn();
        click("#sign-in-provider");
        waitForText("#sign-in-message [role=alert]", "afgebroken of geweigerd");
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
        assertThat(text("#signed-in-as")).isEmpty();
        accessible();
        screenshot("sign-in-oidc-refused");

        // A code this tab did not ask for, as an attacker would slip in to sign the user in as someone else.
        identityProvider.signsIn(TEAM_LEAD);
        browser.get(base + "/sign-in/callback?code=someone-elses&state=forged");
        waitForText("#sign-in-message [role=alert]", "hoort niet bij een inlogpoging in dit tabblad");
        assertThat(text("#signed-in-as")).isEmpty();
    }

    @Test
    void aTeamLeadFindsTheDocumentedHouseholdAndSeesItsFifteenProfessionals() throws IOException {
        signIn("teamlead");
        click("#menu a[href='/households']");
        type("input[name=postcode]", "1311 HV");
        type("input[name=number]", "15");
        click("form[role=search] button[type=submit]");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#circle tbody tr"), 15));
        assertThat(text("#circle-heading")).contains("(15)");
        assertThat(text("#professional-count dd")).isEqualTo("15");
        assertThat(browser.findElements(By.cssSelector("#timeline li"))).hasSizeGreaterThanOrEqualTo(16);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graph[data-drawn]")));
        accessible();
        screenshot("households");

        // The menu answers the arrow keys.
        WebElement first = browser.findElement(By.cssSelector("#menu a"));
        first.sendKeys(Keys.ARROW_RIGHT);
        assertThat(browser.switchTo().activeElement().getAttribute("href")).endsWith("/notifications");

        HeadlessChromium.viewport(browser, 390, 844);
        browser.get(base + "/households?postcode=1311HV&number=15");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#circle tbody tr"), 15));
        click("#menu-toggle");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#menu-list a")));
        browser.executeScript("window.scrollTo(0, 0)");
        viewportScreenshot("households-phone");
    }

    @Test
    void aTeamLeadSeesTheLiveInboxAndTheOverlapOfTheTeamsArea() throws IOException {
        signIn("teamlead");
        click("#menu a[href='/notifications']");
        waitForText("#live-state", "direct");
        accessible();
        screenshot("notifications");

        click("#menu a[href='/overlap']");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#overlap-table tbody tr")));
        WebElement worst = browser.findElement(By.cssSelector("#overlap-table tbody tr"));
        assertThat(worst.getText()).contains("1311HV 15").contains("152");
        accessible();
        screenshot("overlap");

        worst.findElement(By.cssSelector("a")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#circle tbody tr"), 15));
    }

    @Test
    void aVolunteerRegistersConfirmsByMailAndATeamLeadApprovesAndConnects() throws Exception {
        String name = "Noor van Dijk";
        browser.get(base + "/volunteer/register");
        type("input[name=name]", name);
        type("input[name=email]", "noor@example.org");
        type("input[name=postcode]", "1311 HV");
        type("input[name=placeName]", "Taalcafe De Brug");
        new Select(browser.findElement(By.name("category"))).selectByValue("CITIZEN_INITIATIVE");
        click("input[value=LANGUAGE_HELP]");
        click("input[value=COMPANY]");
        type("textarea[name=availability]", "Woensdagochtend");
        click("input[name=consent]");
        accessible();
        screenshot("volunteer-register");
        click("form button[type=submit]");
        String personalLink = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("personal-link")))
                .getAttribute("href");

        assertThat(SMTP.waitForIncomingEmail(PATIENCE.toMillis(), 1)).isTrue();
        var messages = SMTP.getReceivedMessages();
        Matcher token =
                CONFIRMATION.matcher(messages[messages.length - 1].getContent().toString());
        assertThat(token.find()).isTrue();
        browser.get(base + "/volunteer/confirm?token=" + token.group(1));
        waitForText("#confirm-result", "bevestigd");
        screenshot("volunteer-confirm");

        browser.get(personalLink);
        waitForText("#registration-status dd", "wacht op beoordeling");
        accessible();
        screenshot("volunteer-mine");

        signIn("teamlead");
        click("#menu a[href='/volunteers']");
        By registration = By.xpath("//article[.//h2[normalize-space()='" + name + "']]");
        wait.until(ExpectedConditions.presenceOfElementLocated(registration));
        accessible();
        screenshot("volunteers");
        browser.findElement(registration)
                .findElement(By.cssSelector("button.approve"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(registration, "goedgekeurd"));
        wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(registration, By.cssSelector("button.connect")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(registration, "verbonden met het team"));
    }

    @Test
    void anAnalystOpensHavensNetworkAndSeesWhatItMisses() throws IOException {
        signIn("analyst");
        browser.get(base + "/network?code=WK990101");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#missing-disciplines li")));
        assertThat(text("#missing-disciplines")).contains("wijkverpleging", "jeugdgezondheidszorg");
        assertThat(browser.findElements(By.cssSelector("#missing-vindplaatsen li")))
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(browser.findElement(By.cssSelector("a[data-export=graphml]")).getAttribute("href"))
                .endsWith("/exports/networks/WK990101.graphml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graph[data-drawn]")));

        click("section[aria-labelledby=compare-title] button[type=submit]");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#comparison tbody tr"), 5));
        accessible();
        screenshot("network");
    }

    @Test
    void aVolunteerIsRefusedAHouseholdAndSeesNoData() throws IOException {
        signIn("volunteer");
        assertThat(browser.findElements(By.cssSelector("#menu a[href='/households']")))
                .isEmpty();
        browser.get(base + "/households?postcode=1311HV&number=15");
        waitForText("#no-access", "Geen toegang");
        assertThat(browser.findElements(By.id("circle"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(CASE_PROFESSIONAL);
        accessible();
        screenshot("no-access");
    }

    @Test
    void aResidentSeesWhoIsInvolvedAndAnAuditorChecksTheChain() throws IOException {
        signIn("resident");
        click("#menu a[href='/my-data']");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("export-my-data")));
        // Her access log may name any professional who read the household; her own helper is listed as involved.
        assertThat(browser.getPageSource()).contains(RESIDENTS_OWN_PROFESSIONAL);
        accessible();
        screenshot("my-data");

        signIn("auditor");
        click("#menu a[href='/audit']");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#audit-events table")));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#account-grants table, #account-grants p")));
        click("#chain-check");
        waitForText("#chain-result", "intact");
        accessible();
        screenshot("audit");
    }

    @Test
    void anAdministratorApprovesAnotherAdministratorsGrantButNotTheirOwn() throws IOException {
        NabijUser admin = TestUsers.demo(Role.ADMINISTRATOR);
        NabijUser otherAdministrator =
                new NabijUser("test.beheerder.web", Role.ADMINISTRATOR, null, null, admin.organisationId());
        String haven = SEED.teams().stream()
                .filter(team -> team.name().equals("Wijkteam Haven"))
                .findFirst()
                .orElseThrow()
                .id();
        SeedData.Professional havenMember = SEED.professionals().stream()
                .filter(p -> haven.equals(p.teamId()))
                .filter(p -> !p.id().equals(TEAM_LEAD.professionalId())
                        && !p.id().equals(TestUsers.demo(Role.PROFESSIONAL).professionalId()))
                .findFirst()
                .orElseThrow();
        String theirs = askForGrant(otherAdministrator, "test.teamleider.web", "TEAM_LEAD", havenMember.id(), haven);
        String own = askForGrant(admin, "test.auditor.web", "AUDITOR", null, null);

        signIn("admin");
        click("#menu a[href='/grants']");
        click("article[data-grant-id='" + own + "'] button.approve");
        waitForText("article[data-grant-id='" + own + "'] .grant-message", "Een andere beheerder moet dit goedkeuren");
        click("article[data-grant-id='" + theirs + "'] button.approve");
        waitForText("article[data-grant-id='" + theirs + "'] .grant-status", "goedgekeurd");
        assertThat(text("article[data-grant-id='" + theirs + "']")).contains("Besloten door admin");
        accessible();
        screenshot("grants");
    }

    /** A pending grant, asked for over the API as the given administrator; its id. */
    private String askForGrant(
            NabijUser administrator, String username, String role, String professionalId, String teamId) {
        Map<String, Object> input = new HashMap<>();
        input.put("username", username);
        input.put("password", "a long passphrase for the test");
        input.put("role", role);
        input.put("professionalId", professionalId);
        input.put("teamId", teamId);
        return GraphQlClients.overHttp(port, administrator)
                .documentName("createAccountWithGrant")
                .variable("input", input)
                .execute()
                .path("createAccount.grant.id")
                .entity(String.class)
                .get();
    }

    @Test
    void aTeamLeadRegistersAndEndsAnInvolvementAndAssignsAndHandsOverCoordination() {
        List<SeedData.Professional> circle = twoProfessionalsOfTwoOrganisations();
        SeedData.Professional first = circle.get(0);
        SeedData.Professional second = circle.get(1);
        String teamLeadName = professionalName(TEAM_LEAD.professionalId());
        aHouseholdInHavenWith(circle);

        signIn("teamlead");
        browser.get(base + "/households?postcode=9999ZY&number=7");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#circle tbody tr"), 2));

        new Select(inForm("Betrokkenheid registreren", By.name("domain"))).selectByValue("WMO");
        new Select(inForm("Betrokkenheid registreren", By.name("legalBasis"))).selectByValue("LEGAL_OBLIGATION");
        inForm("Betrokkenheid registreren", By.cssSelector("button[type=submit]"))
                .click();
        waitForText(".action-message", "Uw betrokkenheid is geregistreerd.");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#circle tbody tr"), 3));
        assertThat(text("#circle")).contains(teamLeadName).contains("wettelijke plicht");
        assertThat(timelineEntry(teamLeadName).getText())
                .contains("loopt nog")
                .contains("grondslag: wettelijke plicht");

        new Select(inForm("Betrokkenheid beëindigen", By.name("involvementId"))).selectByIndex(1);
        new Select(inForm("Betrokkenheid beëindigen", By.name("reason"))).selectByValue("GOAL_REACHED");
        inForm("Betrokkenheid beëindigen", By.cssSelector("button[type=submit]"))
                .click();
        waitForText(".action-message", "Uw betrokkenheid is beëindigd.");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#circle tbody tr"), 2));
        assertThat(text("#circle")).doesNotContain(teamLeadName);
        assertThat(timelineEntry(teamLeadName).getText())
                .contains("doel bereikt")
                .doesNotContain("loopt nog");

        new Select(inForm("Regisseur toewijzen", By.name("professionalId"))).selectByValue(first.id());
        inForm("Regisseur toewijzen", By.cssSelector("button[type=submit]")).click();
        waitForText(".action-message", first.name() + " is nu de regisseur.");
        assertThat(circleEntry(first).getText()).contains("(regisseur)");
        assertThat(browser.findElement(By.cssSelector(".graph")).getAttribute("aria-label"))
                .contains("Regisseur: " + first.name());

        String handOver = "Regie overdragen (nu: " + first.name() + ")";
        new Select(inForm(handOver, By.name("professionalId"))).selectByValue(second.id());
        inForm(handOver, By.cssSelector("button[type=submit]")).click();
        waitForText(".action-message", second.name() + " is nu de regisseur.");
        assertThat(circleEntry(second).getText()).contains("(regisseur)");
        assertThat(circleEntry(first).getText()).doesNotContain("(regisseur)");
        assertThat(browser.findElement(By.cssSelector(".graph")).getAttribute("aria-label"))
                .contains("Regisseur: " + second.name());
        accessible();
    }

    @Test
    void aResidentGrantsAConsentAndWithdrawsIt() {
        signIn("resident");
        click("#menu a[href='/my-data']");
        By grant = By.xpath("//form[.//h3[normalize-space()='Toestemming geven']]");
        new Select(wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(grant, By.tagName("select"))))
                .selectByIndex(1);
        browser.findElement(grant)
                .findElement(By.cssSelector("input[type=text]"))
                .sendKeys(CONSENT_PURPOSE);
        browser.findElement(grant)
                .findElement(By.cssSelector("button[type=submit]"))
                .click();
        waitForText(".notice.ok", "Uw toestemming is vastgelegd.");
        By consent = By.xpath("//ul[@id='consents']/li[contains(., '" + CONSENT_PURPOSE + "')]");
        assertThat(browser.findElement(consent).getText()).contains("(geldig)");
        accessible();

        browser.findElement(consent).findElement(By.tagName("button")).click();
        // Withdrawing asks first; only the explicit yes withdraws.
        click("#consents button.confirm-withdraw");
        waitForText(".notice.ok", "Uw toestemming is ingetrokken.");
        assertThat(browser.findElement(consent).getText()).contains("(ingetrokken)");
        assertThat(browser.findElement(consent).findElements(By.tagName("button")))
                .isEmpty();
    }

    /** Two professionals of different organisations, the team lead not among them, so registering grows the circle. */
    private static List<SeedData.Professional> twoProfessionalsOfTwoOrganisations() {
        SeedData.Professional first = SEED.professionals().stream()
                .filter(p -> !p.id().equals(TEAM_LEAD.professionalId()))
                .findFirst()
                .orElseThrow();
        SeedData.Professional second = SEED.professionals().stream()
                .filter(p -> !p.id().equals(TEAM_LEAD.professionalId()))
                .filter(p -> !p.organisationId().equals(first.organisationId()))
                .findFirst()
                .orElseThrow();
        return List.of(first, second);
    }

    private static String professionalName(String id) {
        return SEED.professionals().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow()
                .name();
    }

    private void aHouseholdInHavenWith(List<SeedData.Professional> professionals) {
        database.executableQuery(
                        """
                        MATCH (n:Neighbourhood {code: $neighbourhood})
                        CREATE (h:Household {id: $household, postcode: '9999ZY', houseNumber: 7})-[:LOCATED_IN]->(n)
                        CREATE (:Resident {id: $resident, pseudonym: 'browser-test-resident', displayName: 'Sem Browser',
                                birthYear: 1979})-[:MEMBER_OF {role: 'ADULT'}]->(h)
                        WITH h
                        UNWIND $professionals AS id
                        MATCH (p:Professional {id: id})-[:EMPLOYED_BY]->(o:Organisation)
                        CREATE (p)-[:REGISTERED]->(i:Involvement {id: randomUUID(), domain: 'WMO', status: 'ACTIVE',
                                since: date() - duration('P40D')})-[:CONCERNS]->(h)
                        CREATE (i)-[:ON_BEHALF_OF]->(o)
                        """)
                .withParameters(Map.of(
                        "neighbourhood",
                        SEED.caseHousehold().neighbourhoodCode(),
                        "household",
                        HOUSEHOLD,
                        "resident",
                        "5f0c8d3e-0000-4000-8000-00000000f011",
                        "professionals",
                        professionals.stream().map(SeedData.Professional::id).toList()))
                .execute();
    }

    /** A control of the household's form with this title, found again after each change redraws the household. */
    private WebElement inForm(String title, By control) {
        By form = By.xpath("//form[.//h3[normalize-space()='" + title + "']]");
        return wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(form, control));
    }

    private WebElement timelineEntry(String professionalName) {
        return browser.findElement(
                By.xpath("//ol[@id='timeline']/li[.//strong[normalize-space()='" + professionalName + "']]"));
    }

    private WebElement circleEntry(SeedData.Professional professional) {
        return browser.findElement(By.cssSelector("#circle tr[data-professional-id='" + professional.id() + "']"));
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
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

    private String language() {
        return (String) browser.executeScript("return document.documentElement.lang");
    }

    @SuppressWarnings("unchecked")
    private void accessible() {
        String screen = browser.getCurrentUrl();
        assertThat((List<String>) browser.executeScript(UNLABELLED))
                .as("form controls without a label on %s", screen)
                .isEmpty();
        assertThat((List<String>) browser.executeScript(LOW_CONTRAST))
                .as("text with too little contrast on %s", screen)
                .isEmpty();
        assertThat(browser.findElements(By.tagName("h1")))
                .as("one heading on %s", screen)
                .hasSize(1);
    }

    /** The whole page, as tall as its content. */
    private void screenshot(String name) throws IOException {
        long height = (Long) browser.executeScript(
                "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight");
        browser.manage().window().setSize(new Dimension(WIDTH, (int) Math.max(HEIGHT, height)));
        viewportScreenshot(name);
        browser.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    }

    private void viewportScreenshot(String name) throws IOException {
        Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

package io.signaldesk.decision.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.decision.engine.port.EdgeStore;
import io.signaldesk.decision.engine.port.EdgeStore.ScoredAnswer;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.ledger.LessonRepository;
import io.signaldesk.decision.lessons.Lesson;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.adapter.analyzer.AnalyzerStatusService;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Analyzer;
import io.signaldesk.decision.support.InjectWireMock;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.RequiredTool;

/**
 * Headless Debian chromium (chromium + chromium-driver packages) against the running test app:
 * the page loads, shows the analyzer's status line, flips the mode and confirms a proposal.
 * Without chromium it skips with one line saying what to install (fails when CI is set); exclude it
 * altogether with -DexcludedGroups=browser.
 */
@QuarkusTest
@Tag("browser")
class DashboardBrowserTest {

    private static final String INSTALL = "chromium and chromium-driver (apt-get install chromium chromium-driver;"
            + " on macOS brew install --cask chromium chromedriver)";

    @TestHTTPResource("/")
    URI page;

    @InjectWireMock
    WireMockServer analyzer;

    @Inject
    AnalyzerStatusService analyzerStatus;

    @Inject
    Desk desk;

    @Inject
    io.signaldesk.decision.ledger.EdgeRepository edgeRepository;

    @Inject
    io.signaldesk.decision.engine.EdgeService edge;

    @Inject
    io.signaldesk.core.strategy.StrategySettings strategy;

    @Inject
    LessonRepository lessons;

    /** One Chromium for the class (a start costs seconds on a loaded machine); each test begins on a blank page. */
    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        Path chromedriver = RequiredTool.require("DashboardBrowserTest", INSTALL,
                System.getProperty("chromedriver.path", "chromedriver"));
        Path chromium = RequiredTool.require("DashboardBrowserTest", INSTALL,
                System.getProperty("chromium.path", "chromium"), "chromium-browser");
        Path profileDir = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .build();
        browser = new ChromeDriver(service, options);
    }

    /** As a fresh browser: the window at 1400 x 1000, no cookies (the page's storage is cleared after each test). */
    @BeforeEach
    void freshWindow() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        browser.manage().deleteAllCookies();
    }

    /** Leaves no alert, no stored API key and no open dashboard socket to the next test. */
    @AfterEach
    void leavePage() {
        try {
            browser.switchTo().alert().dismiss();
        } catch (org.openqa.selenium.NoAlertPresentException none) {
            // the usual case
        }
        if (browser.getCurrentUrl().startsWith(page.resolve("/").toString())) {
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("localStorage.clear(); sessionStorage.clear();");
        }
        browser.get("about:blank");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsTheStatusLineFlipsTheModeAndConfirmsAProposal() throws Exception {
        analyzer.resetAll();
        Analyzer.getAnswers(analyzer, "/api/ai/status", "status.json");
        Analyzer.getAnswers(analyzer, "/api/analysis/latest", "sentiment.json");
        analyzerStatus.poll();
        desk.modes().change(Mode.RULES, Policy.VETO);
        desk.proposals().configure(true, 7);
        var coin = Market.bullish("BR1", "321.5");
        desk.market().accept(Market.snapshot(coin));
        desk.engine().resetCooldowns();
        String id = desk.engine().evaluateEntry(coin).orElseThrow().proposalId();

        browser.get(page.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ai-status-line"), "Tokens: 12,450"));
        String line = browser.findElement(By.id("ai-status-line")).getText();
        assertTrue(line.startsWith("🧠 AI REASONING │ 🤖 LOCAL AI │ Model: llama3.2:3b"), line);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ai-reasoning"), "Strong buying pressure"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("market"), "BR1"));

        clickWhenStable(wait, By.id("mode-AI"));
        wait.until(ExpectedConditions.attributeContains(By.id("mode-AI"), "class", "active"));
        assertEquals(Mode.AI, desk.modes().current().mode());

        By confirm = By.cssSelector("button.confirm[data-id='" + id + "']");
        clickWhenStable(wait, confirm);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("positions"), "BR1"));
        assertEquals(ProposalStatus.CONFIRMED, desk.proposals().find(id).orElseThrow().status());
        wait.until(ExpectedConditions.invisibilityOfElementLocated(confirm));

        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target/dashboard-browser-test.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aModeButtonChangesTheModeOnlyWhateverThePolicyListShows() {
        desk.modes().change(Mode.HYBRID, Policy.AGREE);
        browser.get(page.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.attributeContains(By.id("mode-HYBRID"), "class", "active"));

        // the list showing its first option, as it does before the desk's first state arrives, and RULES clicked
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("var list = document.getElementById('policy');"
                + " list.focus(); list.selectedIndex = 0; document.getElementById('mode-RULES').click();");
        wait.until(ExpectedConditions.attributeContains(By.id("mode-RULES"), "class", "active"));

        assertEquals(Mode.RULES, desk.modes().current().mode());
        assertEquals(Policy.AGREE, desk.modes().current().policy(), "the desk's policy is kept");
    }

    @Test
    void aPositionOfAReplaySaysSoAndItsWriteOffButtonClosesIt() {
        desk.modes().change(Mode.RULES, Policy.VETO);
        desk.proposals().configure(true, 7);
        FeedIdentity replay = new FeedIdentity("replay", "dddd4444", "replay#dddd4444");
        var coin = Market.bullish("BW1", "100");
        desk.market().accept(Market.snapshot(replay, coin));
        desk.engine().resetCooldowns();
        String id = desk.engine().evaluateEntry(coin).orElseThrow().proposalId();
        desk.proposals().confirm(desk.proposals().find(id).orElseThrow(), null);
        // the desk is back on the simulator: the replay's position is kept apart
        desk.market().accept(Market.snapshot(new FeedIdentity("simulator", "eeee5555", "simulator"), Market.flat("BW1", "50")));

        browser.get(page.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("positions"),
                "replay#dddd4444: not marked, no stop, no entry"));
        // the header and the market panel name the market the prices come from: the simulator's are made up
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed-state"), " · SIMULATOR"));
        assertTrue(browser.findElement(By.id("feed-note")).getText().startsWith("simulated prices, not a venue's · "),
                browser.findElement(By.id("feed-note")).getText());
        // and the measured figures say they count the simulator's calls and trades only, not the replay's
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("baselines-note"),
                "calls and trades on simulator only (the market the desk trades now)"));
        // the edge gate's panel counts the simulator's calls only, the desk's market now
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("edge-note"),
                "calls on simulator only (the market the desk trades now)"));
        By writeOff = By.cssSelector("#positions button[data-coin='BW1']");
        clickWhenStable(wait, writeOff);
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(writeOff));
        assertTrue(desk.trading().position("BW1").isEmpty(), "written off");
        assertTrue(desk.trading().trades(50).stream().anyMatch(f -> f.coin().equals("BW1")
                && f.reason().contains("opened on replay#dddd4444")), "the write-off fill names the market");
    }

    @Test
    void runsABacktestOfTheDataDirectoryFromTheDashboardAndShowsItsVerdictAndAccount() throws Exception {
        desk.modes().change(Mode.RULES, Policy.VETO);
        browser.get(page.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        String btc = "1-minute candles: backtest/BTCUSDT-1m-slice.csv"; // 120 real bars of the test data directory
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bt-data"), btc));
        new Select(browser.findElement(By.id("bt-data"))).selectByVisibleText(btc);
        new Select(browser.findElement(By.id("bt-edge"))).selectByValue("off");
        String before = browser.findElement(By.id("bt-state")).getText(); // a hint, or a job another test left
        clickWhenStable(wait, By.id("bt-run"));

        wait.until(driver -> {
            String now = driver.findElement(By.id("bt-state")).getText();
            return !now.equals(before) && now.matches("Job [0-9a-f]+: (DONE|FAILED|CANCELLED).*");
        });
        String state = browser.findElement(By.id("bt-state")).getText();
        assertTrue(state.matches("Job [0-9a-f]+: DONE, 100 %, 119 frames, market time 2024-10-01T05:00:00Z"), state);
        String verdict = browser.findElement(By.id("bt-verdict")).getText();
        String trades = browser.findElement(By.id("bt-trades")).getText();
        String report = browser.findElement(By.id("bt-report")).getText();
        String markdown = Files.readString(Path.of("target/test-classes").resolve(report.substring(0, report.indexOf(".md") + 3)));
        assertTrue(markdown.startsWith("# Backtest — RULES mode, BTC, live engine\n\n**Verdict: " + verdict + "**"), markdown);
        // the slice's hours are in the weeks the defaults were tuned on: said under the verdict, as in the report
        String sample = browser.findElement(By.id("bt-sample")).getText();
        assertTrue(sample.startsWith("in-sample: the defaults were tuned on 2024-10-01 03:00 → 2024-10-21 00:00 UTC")
                && sample.endsWith("these figures flatter the strategy"), sample);
        // what the candles could not show, under the verdict as the report's Data lines say it
        List<String> dataLines = markdown.lines().filter(l -> l.startsWith("- Data: ")).map(l -> l.substring(8)).toList();
        List<String> shownNotes = browser.findElements(By.cssSelector("#bt-notes li")).stream().map(WebElement::getText).toList();
        assertEquals(2, shownNotes.size(), shownNotes.toString()); // the candle tape's two
        assertEquals(dataLines.subList(dataLines.size() - 2, dataLines.size()), shownNotes, markdown); // after its data line
        assertTrue(shownNotes.get(0).startsWith("book imbalance and taker trade flow are not in candles"), shownNotes.toString());
        int closed = Integer.parseInt(trades.substring(0, trades.indexOf(' ')));
        assertTrue(markdown.contains("| closed trades | " + closed + " ("), "the panel's trades are the report's: " + trades);
        assertTrue(browser.findElement(By.id("bt-return")).getText().contains("10,000.00 → "),
                browser.findElement(By.id("bt-return")).getText());
        // what ran (the panel's mode, RULES by default: no model questions) and the baselines at the same costs
        assertEquals("RULES, edge gate off, no model questions; fee 0.1 % + slippage 0.05 % a fill",
                browser.findElement(By.id("bt-run-settings")).getText());
        String baselines = browser.findElement(By.id("bt-baselines")).getText();
        assertTrue(baselines.startsWith("always-WAIT 0.00 %; buy-and-hold "), baselines);
        assertEquals(closed > 0, baselines.contains("; random entries (same count and holding time) "), baselines);
        if (closed > 0) {
            assertTrue(baselines.contains(", always-long ") && baselines.contains(", always-short ")
                    && baselines.contains("; random entries (same count and holding time) "), baselines);
        }

        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target/dashboard-backtest.png"), StandardCopyOption.REPLACE_EXISTING);

        browser.navigate().refresh(); // a page opened later shows the newest job the service keeps
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bt-result")));
        assertEquals(verdict, browser.findElement(By.id("bt-verdict")).getText());
        assertEquals(state, browser.findElement(By.id("bt-state")).getText());
        // the latest report's line (read from the data directory) names the same verdict and links its Markdown
        String name = report.substring(report.lastIndexOf('/') + 1, report.indexOf(".md"));
        wait.until(ExpectedConditions.attributeContains(By.id("bt-latest-link"), "href", "/api/backtest/reports/" + name));
        assertTrue(browser.findElement(By.id("bt-latest")).getText().contains(verdict + " (" + sample + ")"),
                browser.findElement(By.id("bt-latest")).getText());
    }

    /**
     * The Backtest panel's walk-forward on the 120 real bars (train 1 h, test 1 h, nothing held out: one window):
     * a window that does not fit is refused with the field named; the one that fits shows its test hours, its figures
     * after costs, the baselines, and its verdict as the Markdown states it, said as no positive edge.
     */
    @Test
    void runsAWalkForwardFromTheBacktestPanelAndShowsItsOutOfSampleWindowsAndVerdict() throws Exception {
        desk.modes().change(Mode.RULES, Policy.VETO);
        browser.get(page.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        String btc = "1-minute candles: backtest/BTCUSDT-1m-slice.csv";
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bt-data"), btc));
        new Select(browser.findElement(By.id("bt-data"))).selectByVisibleText(btc);
        new Select(browser.findElement(By.id("bt-edge"))).selectByValue("off");
        new Select(browser.findElement(By.id("bt-kind"))).selectByValue("walk-forward");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bt-wf-train")));
        hours("bt-wf-train", "2");
        hours("bt-wf-test", "1");
        hours("bt-wf-holdout", "0");
        clickWhenStable(wait, By.id("bt-run"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bt-error"), "400: train + test (3 h) do not fit "
                + "in the 2 h of data before the holdout (0 h kept out) (walkForward.trainHours)"));

        hours("bt-wf-train", "1");
        String before = browser.findElement(By.id("bt-state")).getText();
        clickWhenStable(wait, By.id("bt-run"));
        wait.until(driver -> {
            String now = driver.findElement(By.id("bt-state")).getText();
            return !now.equals(before) && now.matches("Job [0-9a-f]+: (DONE|FAILED|CANCELLED).*");
        });
        String state = browser.findElement(By.id("bt-state")).getText();
        assertTrue(state.matches("Job [0-9a-f]+: DONE, 100 %, 119 frames, market time 2024-10-01T05:00:00Z"), state);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bt-wf-result")));
        assertTrue(!browser.findElement(By.id("bt-result")).isDisplayed(), "a plain run's account is not shown");
        List<WebElement> rows = browser.findElements(By.cssSelector("#bt-wf-windows tbody tr"));
        assertEquals(1, rows.size());
        List<WebElement> cells = rows.get(0).findElements(By.tagName("td"));
        assertEquals("2024-10-01 04:00 → 2024-10-01 05:00", cells.get(1).getText());
        assertTrue(cells.get(2).getText().matches("[+-]?\\d+\\.\\d\\d % \\([-\\d,.]+ USDT\\)"), cells.get(2).getText());
        assertTrue(cells.get(7).getText().matches("[+-]?\\d+\\.\\d\\d % · 0\\.00 %"), cells.get(7).getText());

        String report = browser.findElement(By.id("bt-wf-report")).getText();
        assertTrue(report.matches("backtest/walkforward-rules-\\d{8}-\\d{6}-[0-9a-f]{16}\\.md"), report);
        String markdown = Files.readString(Path.of("target/test-classes").resolve(report));
        String verdict = markdown.substring(markdown.indexOf("**Out of sample: ") + 17, markdown.indexOf("**\n\n| window"));
        WebElement shown = browser.findElement(By.id("bt-wf-verdict"));
        // an hour of trades on one day gives no interval: never a positive edge, and the panel says so
        assertEquals("No positive out-of-sample edge after costs: " + verdict, shown.getText());
        assertTrue(shown.getAttribute("class").contains("error"), shown.getAttribute("class"));
        assertTrue(browser.findElement(By.id("bt-wf-baselines")).getText().startsWith("always-WAIT 0.00 % in every window"),
                browser.findElement(By.id("bt-wf-baselines")).getText());
        assertEquals("none: the holdout was included", browser.findElement(By.id("bt-wf-held")).getText());
        assertEquals("RULES, edge gate off; fee 0.1 % + slippage 0.05 % a fill; train 1 h, test 1 h, step 1 h",
                browser.findElement(By.id("bt-wf-settings")).getText());
        assertTrue(browser.findElement(By.id("bt-wf-notes")).getText().startsWith("out-of-sample figures only: "),
                browser.findElement(By.id("bt-wf-notes")).getText());
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target/dashboard-walkforward.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void hours(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void anAnalyzerForcedToRulesShowsSinceWhenAndItsUndoSetsItBackToAi() {
        analyzer.resetAll();
        Analyzer.getAnswers(analyzer, "/api/ai/status", "status-mode-rules.json");
        analyzer.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/ai/mode")).willReturn(
                        com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"mode\":\"AI\",\"since\":\"2026-12-07T12:41:00Z\",\"setBy\":\"operator\"}")));
        analyzerStatus.poll();
        desk.modes().change(Mode.HYBRID, Policy.VETO);

        browser.get(page.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("analyzer-override"),
                "analyzer forced to rules by an operator since 2026-12-07 12:30:05 UTC"));
        assertTrue(browser.findElement(By.id("ai-answers")).getText().contains("the analyzer is forced to rules"),
                browser.findElement(By.id("ai-answers")).getText());
        Analyzer.getAnswers(analyzer, "/api/ai/status", "status.json"); // what the analyzer answers once set back
        clickWhenStable(wait, By.id("analyzer-undo"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("analyzer-override")));
        analyzer.verify(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/ai/mode"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{\"mode\":\"AI\"}")));
    }

    /**
     * The widest panels stay inside their edges at 1280 and 1920 px: the model arena's nine columns (both models with
     * the analyzer's figures), a replay's position at six-digit prices with its Write off button, a proposed and an
     * accepted lesson with their buttons; no panel of the page scrolls sideways, where a last column used to be cut off.
     */
    @Test
    void noPanelIsCutOffAt1280Or1920() {
        Duration horizon = strategy.edge().horizon();
        Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
        for (int i = 0; i < 4; i++) {
            BigDecimal net = new BigDecimal(i % 2 == 0 ? "0.50" : "-0.70");
            Instant at = t0.plusSeconds(i * 60L);
            edgeRepository.insertAnswer(new ScoredAnswer("ENTRY", "BTC", "LONG", true, 7, "llama3.2:3b", at, horizon,
                    net.add(new BigDecimal("0.30")), net, net.signum() > 0, null, null, null).on("simulator"), 100);
            edgeRepository.insertAnswer(new ScoredAnswer("ENTRY", "BTC", "LONG", true, 6, "phi3:mini", at, horizon,
                    net.add(new BigDecimal("0.30")), net, net.signum() > 0, null, null, null, EdgeStore.SHADOW)
                    .on("simulator"), 100); // the desk's market when the page opens below
        }
        analyzer.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/ai/shadow").willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"state":"ON","modelMemoryBytes":6000000000,
                         "primary":{"model":"llama3.2:3b","asked":40,"answered":40,"invalid":0,"skipped":{},"preempted":0,
                           "validOutputRate":1.0,"decisionMsP50":650,"decisionMsP95":1380,"promptTokensMean":612.4,
                           "outputTokensMean":41.2,"ramBytes":2400000000},
                         "shadow":{"model":"phi3:mini","asked":38,"answered":37,"invalid":1,"skipped":{"BUSY":1},"preempted":3,
                           "validOutputRate":0.97,"decisionMsP50":1880,"decisionMsP95":3120,"promptTokensMean":640.0,
                           "outputTokensMean":52.7,"ramBytes":2800000000}}""")));
        desk.modes().change(Mode.RULES, Policy.VETO);
        desk.proposals().configure(true, 7);
        FeedIdentity replay = new FeedIdentity("replay", "ffff6666", "replay#ffff6666");
        var coin = Market.bullish("BW2", "105050.3514");
        desk.market().accept(Market.snapshot(replay, coin));
        desk.engine().resetCooldowns();
        String id = desk.engine().evaluateEntry(coin).orElseThrow().proposalId();
        desk.proposals().confirm(desk.proposals().find(id).orElseThrow(), null);
        desk.market().accept(Market.snapshot(new FeedIdentity("simulator", "eeee5555", "simulator"), Market.flat("BW2", "50")));
        List<Lesson> drafted = lessons.propose(List.of(
                new Lesson(0, "On BTC longs in a calm market the move rarely clears the round trip: skip them below 0.5 %"
                        + " momentum.", Lesson.Status.PROPOSED, t0, null, "llama3.2:3b", new Lesson.Evidence(
                                List.of("ENTRY BTC LONG", "ENTRY BTC SHORT"), 25, 12, new BigDecimal("-0.3206"),
                                new BigDecimal("-0.5003"), new BigDecimal("-0.1409")), 31),
                new Lesson(0, "SOL shorts after a spike were right 7 of 9 times.", Lesson.Status.PROPOSED, t0, null,
                        "llama3.2:3b", new Lesson.Evidence(List.of("ENTRY SOL SHORT"), 9, 7, new BigDecimal("0.12"),
                                new BigDecimal("-0.05"), new BigDecimal("0.29")), 14)));
        lessons.decide(drafted.get(1).id(), Lesson.Status.PROPOSED, Lesson.Status.ACCEPTED, t0, true, "accepted");
        try {
            for (int width : new int[] { 1280, 1920 }) {
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1000));
                browser.get(page.toString());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("arena-models"), "phi3:mini (shadow)"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("arena-models"), "2.8"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("positions"), "replay#ffff6666"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lessons-accepted"), "SOL shorts"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lessons-accepted"),
                        "too few to judge (9 of the 30 answers the edge gate needs)"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lessons-proposed"),
                        "(95 %: -0.50 % to -0.14 %) a call after costs at "));
                Object cut = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                        return Array.from(document.querySelectorAll('.panel'))
                            .filter(p => p.scrollWidth > p.clientWidth + 1)
                            .map(p => (p.querySelector('h2') || p).textContent.trim() + ': ' + p.scrollWidth + ' > ' + p.clientWidth);
                        """);
                assertEquals(java.util.List.of(), cut, "panels cut off at " + width + " px");
            }
        } finally {
            edge.clear();
            lessons.clear();
            desk.trading().position("BW2").ifPresent(p -> io.restassured.RestAssured.given()
                    .post("/api/portfolio/positions/BW2/write-off").then().statusCode(200));
        }
    }

    /** The page re-renders on every dashboard frame: find and click in one step, again if the node was replaced. */
    private static void clickWhenStable(WebDriverWait wait, By locator) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }
}

package org.reclaim.officer;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real browser for page tests: Debian's Chromium driven by Playwright (no browser download; the path comes from the
 * {@code browser.executable} system property that the pom sets). One browser per test JVM; each session is a fresh
 * context (its own cookies), so one user's sign-in never leaks into another test. Every page the session opens is
 * checked for console errors and failed requests.
 */
public final class BrowserSession implements AutoCloseable {

    private static Playwright playwright;
    private static Browser browser;

    private final BrowserContext context;
    private final Page page;
    private final String baseUrl;
    private final List<String> problems = new ArrayList<>();

    private BrowserSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.context = browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
        this.page = context.newPage();
        page.setDefaultTimeout(10_000);
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                problems.add("console error: " + m.text() + " at " + m.location());
            }
        });
        page.onResponse(r -> {
            // 4xx on purpose (a form with errors answers 400) is the page's business; a missing asset or a 5xx is not
            if (r.status() >= 500 || (r.status() == 404 && !r.request().isNavigationRequest())) {
                problems.add(r.status() + " " + r.url());
            }
        });
    }

    public static BrowserSession open(int port) {
        return new BrowserSession("http://localhost:" + port);
    }

    private static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(System.getProperty("browser.executable", "/usr/bin/chromium")))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    public Page page() {
        return page;
    }

    public BrowserSession go(String path) {
        page.navigate(baseUrl + path);
        return this;
    }

    /** Signs in through the sign-in page as one of the demo users (password reclaim-demo). */
    public BrowserSession signIn(String username) {
        go("/login");
        page.fill("#username", username);
        page.fill("#password", "reclaim-demo");
        page.click("#sign-in");
        page.waitForURL(url -> !url.contains("/login"));
        return this;
    }

    /** A full-page screenshot under target/screenshots/, for a person to look at. */
    public Path screenshot(String name) {
        Path file = Paths.get("target", "screenshots", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /**
     * axe-core, run in the page against WCAG 2.2 A and AA: no serious or critical violation. (Deque's build of axe for
     * Java; the rules are axe's own.)
     */
    public void assertAccessible() {
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze();
        List<Rule> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        assertThat(serious).as(() -> page.url() + " has accessibility violations:\n" + serious.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    /** No console error and no failed request on any page the session opened. */
    public void assertNoPageProblems() {
        assertThat(problems).as("console errors and failed requests").isEmpty();
    }

    @Override
    public void close() {
        context.close();
    }
}

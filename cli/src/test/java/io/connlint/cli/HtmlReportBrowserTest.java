package io.connlint.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.connlint.core.model.budget.ConnectionBudget;
import io.connlint.core.model.budget.Scenario;
import io.connlint.core.engine.LintRequest;
import io.connlint.core.finding.LintResult;
import io.connlint.core.engine.Linter;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML report of examples/shop, rendered by headless Chromium without network: the bars'
 * labels and values are in the rendered page, the overflow is painted red, and the page made no
 * request. Skips with a message when Chromium is not installed, unless CI=true.
 */
class HtmlReportBrowserTest {

    private static final Path SHOP = Path.of(System.getProperty("connlint.repoRoot", "..")).resolve("examples/shop");
    /** The overflow's fill in the report's stylesheet (--error). */
    private static final int RED = 0xb3261e;

    @TempDir
    static Path tmp;
    private static Path chromium;

    @BeforeEach
    void findChromium() {
        chromium = executable("chromium").or(() -> executable("chromium-browser")).orElse(null);
        if (chromium == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("chromium is required under CI=true (.ci/run installs the Debian package)");
        }
        Assumptions.assumeTrue(chromium != null, "skipped: chromium is not installed (apt-get install chromium)");
    }

    @Test
    void theRenderedReportShowsTheBudgetAndItsOverflow() throws Exception {
        Path report = tmp.resolve("shop.html");
        MainTest.Run r = MainTest.run("check", SHOP.toString(), "--format", "html", "--output", report.toString());
        assertEquals(1, r.exit(), r.err());

        Browser dom = browse(report, "dom", "--dump-dom");
        String page = dom.stdout();
        assertTrue(page.contains("<svg"), "no chart in the rendered page");
        LintResult result = Linter.withDiscoveredRules().lint(LintRequest.of(SHOP));
        DatabaseServer primary = result.model().server("primary").orElseThrow();
        ConnectionBudget budget = new ConnectionBudget(primary, result.model().poolsOf(primary), Scenario.STEADY);
        assertEquals(4, budget.pools().size());
        for (ClientPool pool : budget.pools()) {
            String label = pool.id() + " " + pool.instances().effective() + "×" + pool.processes().effective() + "×"
                    + pool.maximumPoolSize().effective() + " = " + budget.demand(pool);
            assertTrue(page.contains("<title>" + label + "</title>"), "no bar segment labelled '" + label + "'");
        }
        // the example's documented budget: 344 connections against max_connections 300
        assertTrue(page.contains(">max_connections 300</text>"), "no max_connections marker");
        assertTrue(page.contains(">orders 6×1×40 = 240</text>"), "the largest share is not labelled in the bar");
        assertTrue(page.contains(">overflow 44 over max_connections</text>"), "no overflow label");
        assertTrue(page.contains("<rect class=\"overflow\""), "no overflow bar");
        assertTrue(page.contains(">wait_timeout 10 min</text>"), "no wait_timeout on the timelines");

        Browser shot = browse(report, "shot", "--screenshot=" + tmp.resolve("shop.png"), "--window-size=1000,800",
                "--hide-scrollbars");
        BufferedImage image = ImageIO.read(tmp.resolve("shop.png").toFile());
        assertTrue(count(image, RED) > 300, "the overflow is not painted red in the screenshot (" + count(image, RED)
                + " red pixels)");

        for (Browser b : List.of(dom, shot)) {
            List<String> fromPage = pageRequests(b.netlog());
            assertTrue(fromPage.isEmpty(), "the report made requests: " + fromPage);
        }
    }

    /** The check above would see a request: a page that loads an image from the network is caught. */
    @Test
    void aPageThatFetchesSomethingIsCaught() throws Exception {
        Path page = tmp.resolve("fetches.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><img src=\"http://connlint.invalid/a.png\" alt=\"\">"
                + "</body></html>");
        Browser b = browse(page, "control", "--dump-dom");
        assertEquals(List.of("http://connlint.invalid/a.png"), pageRequests(b.netlog()));
    }

    private record Browser(String stdout, Path netlog) {
    }

    /**
     * Chromium headless with the network cut three ways: a proxy that does not exist, every host
     * name resolving to nothing, and background services off; the net log records what was asked.
     */
    private static Browser browse(Path page, String name, String... extra) throws IOException, InterruptedException {
        Path netlog = tmp.resolve(name + ".netlog.json");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--user-data-dir=" + tmp.resolve(name + "-profile"),
                "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--enable-logging=stderr", "--log-net-log=" + netlog));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        Path out = tmp.resolve(name + ".out");
        Path err = tmp.resolve(name + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + command);
        }
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(err, StandardCharsets.UTF_8));
        assertTrue(Files.exists(netlog), "chromium wrote no net log");
        return new Browser(Files.readString(out, StandardCharsets.UTF_8), netlog);
    }

    /**
     * The URLs of requests a page started: URL_REQUEST_START_JOB events whose initiator is an
     * origin (a file: page's is "null"); the browser's own background requests say "not an origin".
     */
    private static List<String> pageRequests(Path netlog) throws IOException {
        List<Map<String, String>> objects = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(netlog.toFile())) {
            Deque<Map<String, String>> stack = new ArrayDeque<>();
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT -> stack.push(new HashMap<>());
                    case END_OBJECT -> objects.add(stack.pop());
                    case FIELD_NAME -> field = p.currentName();
                    case VALUE_STRING -> {
                        if (!stack.isEmpty() && field != null) {
                            stack.peek().put(field, p.getText());
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        List<String> urls = new ArrayList<>();
        for (Map<String, String> o : objects) {
            String url = o.get("url");
            String initiator = o.get("initiator");
            if (url != null && initiator != null && o.containsKey("method") && !initiator.equals("not an origin")) {
                urls.add(url);
            }
        }
        return urls;
    }

    private static long count(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private static java.util.Optional<Path> executable(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

}

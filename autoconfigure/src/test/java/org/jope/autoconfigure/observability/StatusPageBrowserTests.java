package org.jope.autoconfigure.observability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.jope.testsite.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page as a manager sees it, in a real headless Chromium driven through Debian's chromedriver: the charts
 * are drawn and follow the load while requests come in. A screenshot is kept as target/screenshots/status.png.
 */
class StatusPageBrowserTests {

    private static final Path SCREENSHOT = Path.of("target/screenshots/status.png");

    @Test
    void theChartsAreDrawnAndFollowTheLoad(@TempDir Path profile) throws Exception {
        HeadlessChromium.require();
        try (ConfigurableApplicationContext site = ObservedSite.start("tomcat", new Class<?>[0])) {
            int port = ((ServletWebServerApplicationContext) site).getWebServer().getPort();
            WebDriver browser = HeadlessChromium.start(profile);
            try {
                browser.get("http://" + ObservedSite.MANAGER + ":" + ObservedSite.PASSWORD + "@127.0.0.1:" + port
                        + "/@@status");
                assertThat(browser.getTitle()).isEqualTo("Jope status");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                wait.withMessage(() -> "the page says: " + browser.findElement(By.id("status-note")).getText());
                wait.until((page) -> pointsOf(page, "requests-line") >= 2);
                String before = page(browser, "requests-line");
                assertThat(browser.findElement(By.id("status-note")).getText()).startsWith("Updated");

                try (Load load = new Load(site)) {
                    wait.until((page) -> !page(page, "requests-line").equals(before)
                            && Double.parseDouble(page.findElement(By.id("requests-peak")).getText()) > 0);
                    assertThat(load.sent()).isPositive();
                }
                assertThat(pointsOf(browser, "connections-line")).isGreaterThanOrEqualTo(2);
                assertThat(browser.findElement(By.cssSelector("[data-fact='server.type']")).getText())
                        .isEqualTo("tomcat");
                Files.createDirectories(SCREENSHOT.getParent());
                Files.write(SCREENSHOT, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
            }
            finally {
                browser.quit();
            }
        }
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    private static String page(WebDriver browser, String line) {
        return browser.findElement(By.id(line)).getAttribute("points");
    }

    private static int pointsOf(WebDriver browser, String line) {
        String points = page(browser, line).strip();
        return points.isEmpty() ? 0 : points.split(" ").length;
    }

    /** Quick requests from one client thread while the test watches the charts; bounded in count. */
    private static final class Load implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);

        private final ExecutorService client = Executors.newSingleThreadExecutor();

        private final Future<Integer> sent;

        Load(ConfigurableApplicationContext site) {
            this.sent = client.submit(() -> {
                int count = 0;
                while (running.get() && count < 20_000) {
                    ObservedSite.get(site, "/");
                    count++;
                }
                return count;
            });
        }

        int sent() throws Exception {
            running.set(false);
            return sent.get(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            running.set(false);
            client.shutdownNow();
        }

    }

}

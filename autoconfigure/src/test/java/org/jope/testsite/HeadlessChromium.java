package org.jope.testsite;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real headless Chromium, driven through Debian's chromedriver and kept off the network, which this machine does
 * not have. Without chromedriver a browser test fails under CI and is skipped elsewhere.
 */
public final class HeadlessChromium {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    public static void require() {
        boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        String missing = "The browser tests need " + CHROMEDRIVER + " and " + CHROMIUM
                + ": apt-get install chromium chromium-driver";
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(missing);
        }
        Assumptions.assumeTrue(present, missing);
    }

    /** A browser with its own profile directory; quit it when done. */
    public static WebDriver start(Path profile) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1000,1600",
                "--user-data-dir=" + profile.toAbsolutePath());
        return new ChromeDriver(service, options);
    }

}

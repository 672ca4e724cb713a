package org.jope.testsite;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A user's application: the Jope starter plus one controller of its own. */
@SpringBootApplication
public class TestSite {

    @RestController
    static class GreetingController {

        @GetMapping("/api/greeting")
        String greeting() {
            return "hello from a controller";
        }

    }

}

package com.example.userapp;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The application's own endpoint: where a controller maps a path, the controller answers, not the publisher. */
@RestController
public class HelloController {

    /** The JSON body of {@code GET /api/hello}. */
    public record Greeting(String message) {
    }

    @GetMapping("/api/hello")
    public Greeting hello() {
        return new Greeting("Hello from user-app");
    }

}

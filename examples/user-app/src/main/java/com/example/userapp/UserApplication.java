package com.example.userapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An ordinary Spring Boot application. The Jope starter on the classpath is all it takes to publish the site:
 * {@link HelloController} answers {@code /api/hello}, and Jope's publisher every path that no controller maps.
 */
@SpringBootApplication
public class UserApplication {

    public static void main(String[] args) {
        SpringApplication.run(UserApplication.class, args);
    }

}

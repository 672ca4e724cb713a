package org.jope.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A site served by Jope: all it needs is the starter and a few lines of application.yml. */
@SpringBootApplication
public class JopeDemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(JopeDemoApplication.class, args);
    }

}

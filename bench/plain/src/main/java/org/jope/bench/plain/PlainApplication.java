package org.jope.bench.plain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The page a user would write instead of Jope: see {@link FolderController}. */
@SpringBootApplication
public class PlainApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlainApplication.class, args);
    }

}

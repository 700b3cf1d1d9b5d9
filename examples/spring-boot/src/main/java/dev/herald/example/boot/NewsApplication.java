package dev.herald.example.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small news site. Herald's auto-configuration adds the link-preview tags and share buttons to
 * its article pages and maps the share endpoint; nothing here mentions Herald but the properties.
 */
@SpringBootApplication
public class NewsApplication {
    /** Runs the site. */
    public static void main(String[] args) {
        SpringApplication.run(NewsApplication.class, args);
    }
}

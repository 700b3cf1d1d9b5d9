package dev.herald.example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.console.Console;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * herald-console on the class path and accounts configured, but {@code herald.console.enabled}
 * not set: no console, not even for signed-in staff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "herald.delivery.database=target/herald-data/console-off-${random.uuid}")
class ConsoleSwitchedOffIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Accounts {
        @Bean
        TestSyndicators.Accepting newsroom() {
            return new TestSyndicators.Accepting();
        }
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void noConsoleEndpointExistsUnlessSwitchedOn() throws Exception {
        assertEquals(0, context.getBeanNamesForType(Console.class).length);
        Staff mara = new Staff(new Site(port)).signIn(Staff.EDITOR);
        for (String path : List.of("/herald/console", "/herald/console/", "/herald/console/queue", "/herald/console/compose",
                "/herald/console/assets/console.js")) {
            HttpResponse<String> r = mara.get(path);
            assertEquals(404, r.statusCode(), path + " " + r.body());
        }
        HttpResponse<String> post = mara.post("/herald/console/shares/cancel", Staff.form("id", "x"));
        assertTrue(post.statusCode() == 404 || post.statusCode() == 405, "answered " + post.statusCode());
    }
}

package dev.herald.example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.console.Console;
import jakarta.servlet.http.HttpServlet;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The app registers the auto-configured console's servlet itself, at a path of its choosing: the
 * auto-configuration mounts no second one at {@code herald.console.path}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "herald.console.enabled=true",
        "herald.delivery.database=target/herald-data/console-own-${random.uuid}"})
class ConsoleOwnRegistrationIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Own {
        @Bean
        TestSyndicators.Accepting newsroom() {
            return new TestSyndicators.Accepting();
        }

        @Bean
        ServletRegistrationBean<HttpServlet> ownConsole(Console console) {
            return new ServletRegistrationBean<>(console.servlet(), "/staff/social/*");
        }
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void servesTheConsoleOnlyWhereTheAppRegisteredIt() throws Exception {
        Staff mara = new Staff(new Site(port)).signIn(Staff.EDITOR);
        Document queue = mara.page("/staff/social/queue");
        assertTrue(queue.text().contains("mara · editor"), queue.text());
        assertEquals(404, mara.get("/herald/console/queue").statusCode());
    }
}

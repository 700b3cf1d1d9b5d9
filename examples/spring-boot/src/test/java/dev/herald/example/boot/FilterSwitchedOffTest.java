package dev.herald.example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.herald.page.HeraldConfig;
import dev.herald.page.ShareFilter;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;

/** {@code herald.filter.enabled=false} leaves the filter out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "herald.filter.enabled=false")
class FilterSwitchedOffTest {
    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void leavesPagesAsTheAppWroteThem() throws Exception {
        assertEquals(0, context.getBeanNamesForType(FilterRegistrationBean.class).length == 0 ? 0
                : context.getBeansOfType(FilterRegistrationBean.class).values().stream().filter(f -> f.getFilter() instanceof ShareFilter).count());
        Document doc = new Site(port).page("/articles/harbour-bridge");
        assertNull(Site.meta(doc, "og:title"));
    }
}

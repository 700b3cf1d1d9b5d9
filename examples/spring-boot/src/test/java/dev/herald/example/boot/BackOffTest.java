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

/** The auto-configuration steps aside for the application's own configuration and filter registration. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackOffTest {
    @TestConfiguration(proxyBeanMethods = false)
    static class Own {
        @Bean
        HeraldConfig ownConfig() {
            return HeraldConfig.builder().siteName("Own Config Gazette").twitter("@owngazette").build();
        }

        @Bean
        FilterRegistrationBean<ShareFilter> ownFilter(HeraldConfig config) {
            FilterRegistrationBean<ShareFilter> r = new FilterRegistrationBean<>(new ShareFilter(config));
            r.setName("own-herald");
            r.addUrlPatterns("/articles/*");
            return r;
        }
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    HeraldConfig config;

    @Test
    void usesTheAppsBeansAndRegistersNoSecondFilter() throws Exception {
        assertEquals("Own Config Gazette", config.site().siteName());
        @SuppressWarnings("rawtypes")
        Map<String, FilterRegistrationBean> filters = context.getBeansOfType(FilterRegistrationBean.class);
        assertEquals(1, filters.values().stream().filter(f -> f.getFilter() instanceof ShareFilter).count(), filters.keySet().toString());
        assertSame(config, ((ShareFilter) filters.get("ownFilter").getFilter()).config());
        Document doc = new Site(port).page("/articles/harbour-bridge");
        assertEquals("@owngazette", Site.meta(doc, "twitter:site"));
    }

    @Test
    void mapsNoShareEndpointTheAppsConfigurationDoesNotName() throws Exception {
        Site site = new Site(port);
        assertEquals(404, site.get("/herald/share/facebook?url=" + Site.q(site.url("/articles/harbour-bridge"))).statusCode());
    }
}

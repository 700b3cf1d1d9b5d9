package dev.herald.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ShareEndpointRegistrarTest {

    @Test
    void mapsTheConfiguredPathBelowIt() {
        assertEquals("/herald/share/*", ShareEndpointRegistrar.mappingFor("/herald/share", ""));
        assertEquals("/herald/share/*", ShareEndpointRegistrar.mappingFor("/herald/share/", ""));
    }

    @Test
    void mapsASitePathInsideTheContextPathRelativeToIt() {
        assertEquals("/go/share/*", ShareEndpointRegistrar.mappingFor("/news/go/share", "/news"));
    }

    @Test
    void mapsNothingWithoutAnEndpoint() {
        assertNull(ShareEndpointRegistrar.mappingFor(null, ""));
    }

    @Test
    void mapsNothingForAnEndpointOnAnotherSite() {
        assertNull(ShareEndpointRegistrar.mappingFor("https://share.example/herald", ""));
    }

    @Test
    void mapsNothingForAPathOutsideTheWebApp() {
        assertNull(ShareEndpointRegistrar.mappingFor("/blog/share", "/news"));
        assertNull(ShareEndpointRegistrar.mappingFor("/newsroom/share", "/news"));
        assertNull(ShareEndpointRegistrar.mappingFor("/news", "/news"));
    }
}

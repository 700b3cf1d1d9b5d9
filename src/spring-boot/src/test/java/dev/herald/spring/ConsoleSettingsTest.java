package dev.herald.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.console.Role;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleSettingsTest {

    @Test
    void defaultsToHeraldConsoleWithTheConventionalRoleNames() {
        ConsoleSettings s = ConsoleSettings.from(Map.of());
        assertEquals("/herald/console", s.path());
        assertEquals("/herald/console/*", s.mapping());
        assertEquals(Map.of(Role.VIEWER, Set.of("herald-viewer"), Role.EDITOR, Set.of("herald-editor"), Role.ADMIN, Set.of("herald-admin")),
                s.roles());
        assertEquals(ZoneId.of("UTC"), s.zone());
        assertNull(s.feed());
        assertEquals(List.of(), s.fetchAllow());
    }

    @Test
    void mapsEachConsoleRoleFromTheAppsCommaSeparatedRoles() {
        ConsoleSettings s = ConsoleSettings.from(Map.of(
                HeraldProperties.CONSOLE_ROLES_VIEWER, "STAFF, INTERN",
                HeraldProperties.CONSOLE_ROLES_EDITOR, "MARKETING",
                HeraldProperties.CONSOLE_ROLES_ADMIN, ""));
        assertEquals(Set.of("STAFF", "INTERN"), s.roles().get(Role.VIEWER));
        assertEquals(Set.of("MARKETING"), s.roles().get(Role.EDITOR));
        assertEquals(Set.of(), s.roles().get(Role.ADMIN), "a role set empty is granted to no one");
    }

    @Test
    void dropsATrailingSlashFromThePath() {
        assertEquals("/admin/social/*", ConsoleSettings.from(Map.of(HeraldProperties.CONSOLE_PATH, "/admin/social/")).mapping());
    }

    @Test
    void refusesTheRootAWildcardOrARelativePathNamingTheKey() {
        for (String bad : List.of("/", "", "herald/console", "/herald/*", "/herald//console", "/a b")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ConsoleSettings.from(Map.of(HeraldProperties.CONSOLE_PATH, bad)), bad);
            assertTrue(e.getMessage().startsWith("herald.console.path="), e.getMessage());
        }
    }

    @Test
    void readsTheFeedAndZone() {
        ConsoleSettings s = ConsoleSettings.from(Map.of(HeraldProperties.CONSOLE_FEED, "https://news.example/feed.xml",
                HeraldProperties.CONSOLE_ZONE, "Europe/London"));
        assertEquals(URI.create("https://news.example/feed.xml"), s.feed());
        assertEquals(ZoneId.of("Europe/London"), s.zone());
    }

    @Test
    void refusesAFeedThatIsNotAnHttpUrlOrAnUnknownZone() {
        IllegalArgumentException feed = assertThrows(IllegalArgumentException.class,
                () -> ConsoleSettings.from(Map.of(HeraldProperties.CONSOLE_FEED, "file:/etc/passwd")));
        assertTrue(feed.getMessage().contains("herald.console.feed='file:/etc/passwd'"), feed.getMessage());
        IllegalArgumentException zone = assertThrows(IllegalArgumentException.class,
                () -> ConsoleSettings.from(Map.of(HeraldProperties.CONSOLE_ZONE, "Mars/Olympus")));
        assertTrue(zone.getMessage().contains("herald.console.zone='Mars/Olympus'"), zone.getMessage());
    }

    @Test
    void readsTheFetchAllowListAndRefusesAMalformedEntry() {
        assertEquals(List.of("127.0.0.1", "10.20.0.0/16", "*.intranet"),
                ConsoleSettings.from(Map.of(HeraldProperties.CONSOLE_FETCH_ALLOW, "127.0.0.1, 10.20.0.0/16,,*.intranet")).fetchAllow());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConsoleSettings.from(Map.of(HeraldProperties.CONSOLE_FETCH_ALLOW, "10.0.0.0/99")));
        assertTrue(e.getMessage().startsWith("herald.console.fetch-allow"), e.getMessage());
    }
}

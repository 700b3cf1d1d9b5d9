package dev.herald.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The queue's calendar: weeks from Monday, whole months, paging, its first and last years, and filters kept while paging. */
class ConsoleCalendarIT extends MountedConsole {

    private Document queue(String query) throws Exception {
        return Jsoup.parse(new Browserless(site, "vera").get("/console/queue?" + query).body());
    }

    private static String heading(Document d) {
        return d.selectFirst("nav.period h2").text();
    }

    private static String link(Document d, String text) {
        return d.selectFirst("nav.period a:containsOwn(" + text + ")").attr("href");
    }

    @Test
    void aWeekRunsFromMondayAndPagesByWeeks() throws Exception {
        Document week = queue("start=2026-12-09");
        assertEquals("Week of 7 December 2026", heading(week), "a Wednesday opens its week");
        assertEquals(List.of("Account", "Mon 7 Dec", "Tue 8 Dec", "Wed 9 Dec", "Thu 10 Dec", "Fri 11 Dec", "Sat 12 Dec", "Sun 13 Dec"),
                week.select("table.calendar thead th").eachText());
        assertTrue(link(week, "Previous").contains("start=2026-11-30&"), link(week, "Previous"));
        assertTrue(link(week, "Next").contains("start=2026-12-14&"), link(week, "Next"));
    }

    @Test
    void aMonthShowsEachOfItsDaysAndPagesByMonths() throws Exception {
        Document month = queue("view=month&start=2026-12-09");
        assertEquals("December 2026", heading(month));
        List<String> days = month.select("table.calendar thead th").eachText();
        assertEquals(32, days.size(), "the account column and 31 days");
        assertEquals("Tue 1 Dec", days.get(1));
        assertEquals("Thu 31 Dec", days.get(31));
        assertTrue(link(month, "Previous").contains("start=2026-11-01&"), link(month, "Previous"));
        assertTrue(link(month, "Next").contains("start=2027-01-01&"), link(month, "Next"));
    }

    @Test
    void showsTheFirstAndLastYearsItCanPageThrough() throws Exception {
        assertEquals("January 0001", heading(queue("view=month&start=0001-01-05")));
        assertEquals("December 9999", heading(queue("view=month&start=9999-12-15")));
        assertEquals("December 2026", heading(queue("view=month&start=%2B10000-01-01")), "past the last year: today");
    }

    @Test
    void anAccountFilterLeavesOneRowInTheCalendar() throws Exception {
        List<String> all = queue("start=2026-12-07").select("table.calendar tbody th[scope=row]").eachText();
        assertEquals(7, all.size(), all.toString());
        assertEquals(List.of("ledger-mastodon"), queue("start=2026-12-07&account=ledger-mastodon").select("table.calendar tbody th[scope=row]").eachText());
    }

    @Test
    void pagingKeepsTheFiltersEncoded() throws Exception {
        Document d = queue("start=2026-12-07&account=ledger-mastodon&state=failed&article=" + Web.enc("Grüße & co"));
        String next = link(d, "Next");
        assertTrue(next.endsWith("account=ledger-mastodon&state=failed&article=Gr%C3%BC%C3%9Fe+%26+co"), next);
    }
}

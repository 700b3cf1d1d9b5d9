package dev.herald.syndication.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.MockSlack;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link MockSlack}'s Web API on the wire, as a client other than Herald's would see it. */
@ExtendWith(HeraldMockExtension.class)
class MockSlackWebApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> call(MockSlack slack, String method, String authorization, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(slack.apiUri() + method));
        if (authorization != null) b.header("Authorization", authorization);
        if (body == null) b.GET();
        else b.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersAuthErrorsWithHttp200AndOkFalse(MockSlack slack) throws Exception {
        HttpResponse<String> none = call(slack, "auth.test", null, null, null);
        HttpResponse<String> wrong = call(slack, "auth.test", "Bearer xoxb-nope", null, null);

        assertEquals(200, none.statusCode());
        assertEquals("not_authed", JSON.readTree(none.body()).path("error").asText());
        assertFalse(JSON.readTree(none.body()).path("ok").asBoolean(true));
        assertEquals("invalid_auth", JSON.readTree(wrong.body()).path("error").asText());
        assertTrue(JSON.readTree(call(slack, "auth.test", "Bearer " + slack.botToken(), null, null).body()).path("ok").asBoolean());
    }

    @Test
    void takesAFormPostWithTheTokenAsAFieldAndBlocksAsAJsonString(MockSlack slack) throws Exception {
        String form = "token=" + enc(slack.botToken()) + "&channel=" + slack.channelId() + "&text=hello"
                + "&blocks=" + enc("[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*<https://a.example/x|Hi>*\"}}]");
        JsonNode answer = JSON.readTree(call(slack, "chat.postMessage", null, "application/x-www-form-urlencoded", form).body());

        assertTrue(answer.path("ok").asBoolean(), answer.toString());
        assertEquals(slack.messages().get(0).ts(), answer.path("ts").asText());
        assertEquals("*Hi*", slack.messages().get(0).sectionText());
    }

    @Test
    void refusesBlocksSlackWouldRefuseWithItsErrorsList(MockSlack slack) throws Exception {
        String body = "{\"channel\":\"" + slack.channelId() + "\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + "x".repeat(3001) + "\"}}]}";
        JsonNode answer = JSON.readTree(call(slack, "chat.postMessage", "Bearer " + slack.botToken(), "application/json; charset=utf-8", body).body());

        assertEquals("invalid_blocks", answer.path("error").asText());
        assertTrue(answer.path("errors").get(0).asText().contains("[json-pointer:/blocks/0/text/text]"), answer.toString());
        assertEquals(0, slack.messageCount());
    }

    @Test
    void pagesTheHistoryNewestFirstWithACursor(MockSlack slack) throws Exception {
        for (int i = 0; i < 5; i++) slack.addPersonMessage("m" + i);
        String auth = "Bearer " + slack.botToken();
        JsonNode first = JSON.readTree(call(slack, "conversations.history?channel=" + slack.channelId() + "&limit=3", auth, null, null).body());
        JsonNode second = JSON.readTree(call(slack, "conversations.history?channel=" + slack.channelId() + "&limit=3&cursor="
                + enc(first.path("response_metadata").path("next_cursor").asText()), auth, null, null).body());

        assertEquals("m4", first.path("messages").get(0).path("text").asText());
        assertTrue(first.path("has_more").asBoolean());
        assertEquals(2, second.path("messages").size());
        assertEquals("m0", second.path("messages").get(1).path("text").asText());
        assertFalse(second.path("has_more").asBoolean());
        assertEquals("", second.path("response_metadata").path("next_cursor").asText());
        assertEquals("channel_not_found", JSON.readTree(call(slack, "conversations.history?channel=C0NOWHERE1", auth, null, null).body()).path("error").asText());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package dev.herald.syndication.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OAuth1SignerTest {
    private static Map.Entry<String, String> p(String k, String v) {
        return Map.entry(k, v);
    }

    /** RFC 5849 section 3.4.1.1: the worked signature base string, with query, body and repeated names. */
    @Test
    void buildsTheBaseStringOfRfc5849Section3411() {
        URI uri = URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        List<Map.Entry<String, String>> params = new ArrayList<>(OAuth1Signer.queryParameters(uri));
        params.addAll(List.of(p("c2", ""), p("a3", "2 q"),
                p("oauth_consumer_key", "9djdj82h48djs9d2"), p("oauth_token", "kkk9d7dh3k39sjv7"), p("oauth_signature_method", "HMAC-SHA1"),
                p("oauth_timestamp", "137131201"), p("oauth_nonce", "7d8f3e4a")));

        assertEquals("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26"
                + "oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26"
                + "oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7", OAuth1Signer.baseString("post", uri, params));
    }

    /** RFC 5849 section 1.2: the photo request (no oauth_version, as there), signed with the client's and the token's secrets. */
    @Test
    void reproducesTheSignatureOfRfc5849Section12() {
        URI uri = URI.create("http://photos.example.net/photos?file=vacation.jpg&size=original");
        List<Map.Entry<String, String>> params = new ArrayList<>(OAuth1Signer.queryParameters(uri));
        params.addAll(List.of(p("oauth_consumer_key", "dpf43f3p2l4k3l03"), p("oauth_token", "nnch734d00sl2jdk"), p("oauth_signature_method", "HMAC-SHA1"),
                p("oauth_timestamp", "137131202"), p("oauth_nonce", "chapoH")));
        String base = OAuth1Signer.baseString("GET", uri, params);

        assertEquals("GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26"
                + "oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26"
                + "size%3Doriginal", base);
        assertEquals("MdpQcU8iPSUjWoN/UDMsK2sui9I=", OAuth1Signer.signature(base, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00"));
    }

    /** X's "Creating a signature" page: the same request, header and all, signed by the signer itself. */
    @Test
    void reproducesXsDocumentedSignatureAndHeader() {
        XCredentials.OAuth1 credentials = new XCredentials.OAuth1(Secret.of("ck", "xvz1evFS4wEEPTGEFPHBog"),
                Secret.of("cs", "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"), Secret.of("t", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"),
                Secret.of("ts", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"));
        OAuth1Signer signer = new OAuth1Signer(credentials, Clock.fixed(Instant.ofEpochSecond(1318622958), ZoneOffset.UTC),
                () -> "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg");

        String header = signer.authorization("POST", URI.create("https://api.twitter.com/1.1/statuses/update.json?include_entities=true"),
                List.of(p("status", "Hello Ladies + Gentlemen, a signed OAuth request!")));

        assertEquals("OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", oauth_nonce=\"kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg\", "
                + "oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1318622958\", "
                + "oauth_token=\"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb\", oauth_version=\"1.0\"", header);
    }

    @Test
    void percentEncodesUtf8AndReservedCharactersButNotUnreservedOnes() {
        assertEquals("Ladies%20%2B%20Gentlemen%21%20%E2%98%83-._~", OAuth1Signer.encode("Ladies + Gentlemen! ☃-._~"));
    }

    @Test
    void theBaseUriKeepsANonDefaultPortAndDropsTheDefaultOne() {
        assertEquals("http://127.0.0.1:8080/2/tweets", OAuth1Signer.baseUri(URI.create("HTTP://127.0.0.1:8080/2/tweets?x=1")));
        assertEquals("https://api.x.com/2/tweets", OAuth1Signer.baseUri(URI.create("https://API.x.com:443/2/tweets")));
    }

    @Test
    void everyRequestGetsAFreshNonce() {
        XCredentials.OAuth1 credentials = new XCredentials.OAuth1(Secret.of("a", "k"), Secret.of("b", "s"), Secret.of("c", "t"), Secret.of("d", "u"));
        OAuth1Signer signer = new OAuth1Signer(credentials, Clock.systemUTC());
        URI uri = URI.create("https://api.x.com/2/tweets");
        assertTrue(!signer.authorization("POST", uri, List.of()).equals(signer.authorization("POST", uri, List.of())));
    }
}

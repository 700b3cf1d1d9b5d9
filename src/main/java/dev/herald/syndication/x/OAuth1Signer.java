package dev.herald.syndication.x;

import dev.herald.internal.Validate;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests with OAuth 1.0a, HMAC-SHA1 (RFC 5849 section 3.4): the signature base string of
 * the method, the base URI and every parameter (query, form body, {@code oauth_*}), keyed with the
 * consumer secret and token secret, each percent-encoded per section 3.6. Thread-safe.
 */
final class OAuth1Signer {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final XCredentials.OAuth1 credentials;
    private final Clock clock;
    private final Supplier<String> nonces;

    /** A signer with random nonces and timestamps from {@code clock}. */
    public OAuth1Signer(XCredentials.OAuth1 credentials, Clock clock) {
        this(credentials, clock, OAuth1Signer::randomNonce);
    }

    /** A signer with the given nonce source (tests pin it to reproduce a documented signature). */
    public OAuth1Signer(XCredentials.OAuth1 credentials, Clock clock, Supplier<String> nonces) {
        this.credentials = Validate.notNull(credentials, "credentials");
        this.clock = Validate.notNull(clock, "clock");
        this.nonces = Validate.notNull(nonces, "nonces");
    }

    /**
     * The {@code Authorization} header value for a request: {@code OAuth oauth_consumer_key="…", …}.
     *
     * @param method the HTTP method
     * @param uri the full request URI; its query parameters are signed
     * @param formParameters the decoded parameters of an {@code application/x-www-form-urlencoded}
     *     body, which are signed too; empty for a JSON body (which is not)
     */
    public String authorization(String method, URI uri, List<Map.Entry<String, String>> formParameters) {
        List<Map.Entry<String, String>> oauth = new ArrayList<>(List.of(
                Map.entry("oauth_consumer_key", credentials.consumerKey().value()),
                Map.entry("oauth_nonce", nonces.get()),
                Map.entry("oauth_signature_method", "HMAC-SHA1"),
                Map.entry("oauth_timestamp", Long.toString(clock.instant().getEpochSecond())),
                Map.entry("oauth_token", credentials.token().value()),
                Map.entry("oauth_version", "1.0")));
        List<Map.Entry<String, String>> all = new ArrayList<>(queryParameters(uri));
        all.addAll(formParameters);
        all.addAll(oauth);
        String signature = signature(baseString(method, uri, all), credentials.consumerSecret().value(), credentials.tokenSecret().value());
        oauth.add(Map.entry("oauth_signature", signature));
        oauth.sort(Map.Entry.comparingByKey());
        StringBuilder header = new StringBuilder("OAuth ");
        for (int i = 0; i < oauth.size(); i++) {
            if (i > 0) header.append(", ");
            header.append(encode(oauth.get(i).getKey())).append("=\"").append(encode(oauth.get(i).getValue())).append('"');
        }
        return header.toString();
    }

    /**
     * The signature base string (RFC 5849 section 3.4.1): {@code METHOD&encoded base URI&encoded
     * normalised parameters}.
     *
     * @param parameters every parameter, decoded, {@code oauth_signature} excluded
     */
    public static String baseString(String method, URI uri, List<Map.Entry<String, String>> parameters) {
        List<String[]> encoded = new ArrayList<>();
        for (Map.Entry<String, String> p : parameters) encoded.add(new String[] {encode(p.getKey()), encode(p.getValue())});
        encoded.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder normalised = new StringBuilder();
        for (String[] p : encoded) {
            if (normalised.length() > 0) normalised.append('&');
            normalised.append(p[0]).append('=').append(p[1]);
        }
        return method.toUpperCase(Locale.ROOT) + "&" + encode(baseUri(uri)) + "&" + encode(normalised.toString());
    }

    /** The base string URI (section 3.4.1.2): lower-case scheme and host, the port only when not the default, the path, no query. */
    static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
    }

    /** The HMAC-SHA1 signature, base64: key is {@code encode(consumerSecret)&encode(tokenSecret)}. */
    public static String signature(String baseString, String consumerSecret, String tokenSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            String key = encode(consumerSecret) + "&" + encode(tokenSecret);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every JVM", e);
        }
    }

    /** The query's parameters, decoded as a form (section 3.4.1.3.1: {@code +} is a space). */
    static List<Map.Entry<String, String>> queryParameters(URI uri) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) return out;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** RFC 5849 section 3.6: UTF-8, every byte but {@code A-Z a-z 0-9 - . _ ~} as {@code %XX} (upper case). */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static String randomNonce() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        // Alphanumeric, as X's examples: base64 without its three non-alphanumeric characters.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace("-", "").replace("_", "");
    }
}

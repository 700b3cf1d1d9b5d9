package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One request to a network's API, as {@link HttpTransport#execute(HttpCall, Secret...)} sends it:
 * a method, an absolute http(s) URI, headers and an optional body. It is immutable: every
 * {@code header}, {@code body}, {@code json} and {@code form} returns a changed copy, so a call can be
 * built once and sent again (after a token refresh, say) with one header replaced.
 *
 * <pre>{@code
 * HttpCall call = HttpCall.post(URI.create("https://api.example.com/v1/posts"))
 *         .header("Authorization", "Bearer " + token.value())
 *         .json(body);
 * HttpReply reply = http.execute(call, token);
 * }</pre>
 *
 * <p>It is Herald's own type so that a network plug-in does not depend on the HTTP client Herald
 * happens to use. Its {@link #toString()} shows the method, the URI's scheme and host, the header
 * names and the body's size, never a header value, the path and query, or the body: those are
 * where tokens travel.
 */
public final class HttpCall {
    /** The content type {@link #json(byte[])} sends. */
    public static final String JSON = "application/json; charset=UTF-8";
    /** The content type {@link #form(Map)} sends. */
    public static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    /** Headers the transport writes itself from the body and the URI; setting them by hand could only contradict it. */
    private static final Set<String> FRAMING = Set.of("content-type", "content-length", "transfer-encoding", "host");
    private static final byte[] NO_BODY = new byte[0];

    private final String method;
    private final URI uri;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String contentType;
    private final Map<String, String> form;

    private HttpCall(String method, URI uri, Map<String, String> headers, byte[] body, String contentType, Map<String, String> form) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.body = body;
        this.contentType = contentType;
        this.form = form;
    }

    private static HttpCall of(String method, URI uri) {
        return new HttpCall(method, Validate.httpUrl(uri, "uri"), Map.of(), NO_BODY, null, Map.of());
    }

    /** A {@code GET} of {@code uri}, which must be an absolute http(s) URI. */
    public static HttpCall get(URI uri) {
        return of("GET", uri);
    }

    /** A {@code POST} to {@code uri}, which must be an absolute http(s) URI; give it a body with {@link #json}, {@link #form} or {@link #body}. */
    public static HttpCall post(URI uri) {
        return of("POST", uri);
    }

    /** A {@code PUT} to {@code uri}, which must be an absolute http(s) URI. */
    public static HttpCall put(URI uri) {
        return of("PUT", uri);
    }

    /** A {@code PATCH} of {@code uri}, which must be an absolute http(s) URI. */
    public static HttpCall patch(URI uri) {
        return of("PATCH", uri);
    }

    /** A {@code DELETE} of {@code uri}, which must be an absolute http(s) URI. */
    public static HttpCall delete(URI uri) {
        return of("DELETE", uri);
    }

    /**
     * A copy with the header {@code name} set to {@code value}, replacing any header of the same name
     * in any letter case (in its place, under the new spelling).
     *
     * @throws IllegalArgumentException when the name is not an HTTP token, the value holds CR or LF, or
     *     the name is {@code Content-Type}, {@code Content-Length}, {@code Transfer-Encoding} or
     *     {@code Host}, which follow from the body and the URI (set a content type with {@link #body})
     */
    public HttpCall header(String name, String value) {
        Validate.notBlank(name, "name");
        Validate.isTrue(name.chars().allMatch(HttpCall::isTokenChar), "name", "must be an HTTP token: " + Validate.abbreviate(name));
        Validate.isTrue(!FRAMING.contains(name.toLowerCase(Locale.ROOT)), "name",
                "is set by the transport (" + name + "); give a content type with body(bytes, contentType)");
        Validate.notNull(value, "value");
        Validate.noLineBreaks(value, "value");
        Map<String, String> copy = new LinkedHashMap<>();
        boolean replaced = false;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                if (!replaced) copy.put(name, value);
                replaced = true;
            } else {
                copy.put(h.getKey(), h.getValue());
            }
        }
        if (!replaced) copy.put(name, value);
        return new HttpCall(method, uri, Collections.unmodifiableMap(copy), body, contentType, form);
    }

    /**
     * A copy that sends {@code body} (copied) as {@code contentType}, replacing any body given before.
     *
     * @throws IllegalArgumentException when either is null, or the content type is blank or holds CR or LF
     */
    public HttpCall body(byte[] body, String contentType) {
        Validate.notNull(body, "body");
        Validate.notBlank(contentType, "contentType");
        Validate.noLineBreaks(contentType, "contentType");
        return new HttpCall(method, uri, headers, body.clone(), contentType, Map.of());
    }

    /** A copy that sends {@code json} (copied), which the caller has serialised, as {@value #JSON}. */
    public HttpCall json(byte[] json) {
        Validate.notNull(json, "json");
        return body(json, JSON);
    }

    /**
     * A copy that sends {@code fields} as an HTML form ({@value #FORM}): each name and value
     * percent-encoded as UTF-8, a space as {@code +}, in the map's iteration order.
     *
     * @throws IllegalArgumentException when the map, a name or a value is null, or a name is empty
     */
    public HttpCall form(Map<String, String> fields) {
        Validate.notNull(fields, "fields");
        Map<String, String> copy = new LinkedHashMap<>();
        StringBuilder encoded = new StringBuilder();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            Validate.isTrue(f.getKey() != null && !f.getKey().isEmpty(), "fields", "must not have a null or empty name");
            Validate.isTrue(f.getValue() != null, "fields", "must not have a null value (" + f.getKey() + ")");
            copy.put(f.getKey(), f.getValue());
            if (encoded.length() > 0) encoded.append('&');
            encoded.append(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
        }
        return new HttpCall(method, uri, headers, encoded.toString().getBytes(StandardCharsets.US_ASCII), FORM,
                Collections.unmodifiableMap(copy));
    }

    /** The method in upper case: {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}. */
    public String method() {
        return method;
    }

    /** The absolute http(s) URI the call goes to, query included. */
    public URI uri() {
        return uri;
    }

    /** The headers set with {@link #header}, in the order they were first set; unmodifiable. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The header's value, or {@code null}; the name is case-insensitive. */
    public String header(String name) {
        Validate.notNull(name, "name");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) return h.getValue();
        }
        return null;
    }

    /** A copy of the body; empty when there is none. */
    public byte[] body() {
        return body.clone();
    }

    /** The body's content type, or {@code null} when no body was given. */
    public String contentType() {
        return contentType;
    }

    /**
     * The fields given to {@link #form}, in order and unencoded (an OAuth 1.0a signature covers
     * them); empty when the body is not a form. Unmodifiable.
     */
    public Map<String, String> formFields() {
        return form;
    }

    /** Whether {@code other} is a call with the same method, URI, headers (names in the same order), body and content type. */
    @Override
    public boolean equals(Object other) {
        return other instanceof HttpCall c && method.equals(c.method) && uri.equals(c.uri)
                && headers.equals(c.headers) && Arrays.equals(body, c.body) && Objects.equals(contentType, c.contentType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers, Arrays.hashCode(body), contentType);
    }

    /**
     * The method, the URI's scheme, host and port, the header names and the body's length and type,
     * for example {@code POST https://api.example.com/… [Authorization, Accept] 42 bytes application/json}.
     * Header values, the URI's user information, path and query, and the body are left out: they are where tokens travel.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(method).append(' ').append(uri.getScheme()).append("://").append(uri.getHost());
        // The host and port only: user information in the authority would be a password.
        if (uri.getPort() != -1) s.append(':').append(uri.getPort());
        if (!empty(uri.getRawPath()) || uri.getRawQuery() != null) s.append("/…");
        s.append(' ').append(headers.keySet());
        if (contentType != null) s.append(' ').append(body.length).append(" bytes ").append(contentType);
        return s.toString();
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty() || s.equals("/");
    }

    /** RFC 9110's {@code tchar}. */
    private static boolean isTokenChar(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}

package dev.herald.page;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads {@link HeraldConfig} for a filter from, lowest precedence first: a {@code herald.properties}
 * file (the path in system property {@code herald.config}, else {@code WEB-INF/herald.properties},
 * else {@code herald.properties} on the classpath), the context's {@code herald.*} init parameters,
 * then the filter's init parameters.
 */
final class ConfigSources {
    /** System property naming a properties file that replaces the looked-up {@code herald.properties}. */
    static final String FILE_PROPERTY = "herald.config";

    private ConfigSources() {}

    /**
     * The configuration for {@code filterConfig}.
     *
     * @throws IllegalArgumentException naming the key, the value and where it was set, when invalid
     */
    static HeraldConfig load(FilterConfig filterConfig) {
        return load(filterConfig.getServletContext(), filterConfig);
    }

    /** The configuration from the file and context parameters alone, for the taglib and share endpoint. */
    static HeraldConfig load(ServletContext context) {
        return load(context, null);
    }

    private static HeraldConfig load(ServletContext context, FilterConfig filterConfig) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        readFile(context, values, origins);
        for (String name : Collections.list(context.getInitParameterNames())) {
            if (name.startsWith("herald.")) put(values, origins, name, context.getInitParameter(name), "context-param");
        }
        if (filterConfig != null) for (String name : Collections.list(filterConfig.getInitParameterNames())) {
            if (!name.startsWith("herald.")) {
                throw new IllegalArgumentException("filter init-param " + name + " is not a Herald key; keys start with herald.,"
                        + " such as herald.site.name");
            }
            put(values, origins, name, filterConfig.getInitParameter(name), "filter init-param");
        }
        try {
            return HeraldConfig.fromProperties(values);
        } catch (IllegalArgumentException e) {
            String msg = String.valueOf(e.getMessage());
            for (Map.Entry<String, String> o : origins.entrySet()) {
                if (msg.startsWith(o.getKey() + "=") || msg.startsWith("unknown configuration key " + o.getKey() + ";")) {
                    throw new IllegalArgumentException(msg + " (set in " + o.getValue() + ")", e);
                }
            }
            throw e;
        }
    }

    private static void put(Map<String, String> values, Map<String, String> origins, String key, String value, String origin) {
        values.put(key, value);
        origins.put(key, origin);
    }

    private static void readFile(ServletContext context, Map<String, String> values, Map<String, String> origins) {
        String explicit = System.getProperty(FILE_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit.strip());
            if (!Files.isReadable(path)) {
                throw new IllegalArgumentException("system property " + FILE_PROPERTY + " names " + path + ", which is not a readable file");
            }
            try (InputStream in = Files.newInputStream(path)) {
                read(in, path.toString(), values, origins);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + path + " (system property " + FILE_PROPERTY + "): " + e.getMessage(), e);
            }
            return;
        }
        try (InputStream in = context.getResourceAsStream("/WEB-INF/herald.properties")) {
            if (in != null) {
                read(in, "WEB-INF/herald.properties", values, origins);
                return;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read WEB-INF/herald.properties: " + e.getMessage(), e);
        }
        ClassLoader loader = context.getClassLoader() != null ? context.getClassLoader() : ConfigSources.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream("herald.properties")) {
            if (in != null) read(in, "herald.properties on the classpath", values, origins);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read herald.properties from the classpath: " + e.getMessage(), e);
        }
    }

    private static void read(InputStream in, String origin, Map<String, String> values, Map<String, String> origins) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String name : p.stringPropertyNames()) put(values, origins, name, p.getProperty(name), origin);
    }
}

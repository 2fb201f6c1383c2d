package ru.paragraf.sferum.sync.vk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The parameters of one VK API call, in order, encoded the way VK expects (lists comma-separated, flags 0/1). */
public final class VkParams {

    private final Map<String, String> values = new LinkedHashMap<>();

    private VkParams() {}

    public static VkParams of() {
        return new VkParams();
    }

    /** Adds the parameter unless the value is null. */
    public VkParams with(String name, @Nullable Object value) {
        if (value != null) {
            values.put(name, String.valueOf(value));
        }
        return this;
    }

    /** Adds a comma-separated list unless it is empty. */
    public VkParams withList(String name, Collection<?> items) {
        if (!items.isEmpty()) {
            values.put(name, items.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        return this;
    }

    public VkParams withFlag(String name, boolean flag) {
        values.put(name, flag ? "1" : "0");
        return this;
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** {@code application/x-www-form-urlencoded}, with {@code v} appended. */
    String formWithVersion(String version) {
        var form = new StringBuilder();
        values.forEach((name, value) -> append(form, name, value));
        append(form, "v", version);
        return form.toString();
    }

    private static void append(StringBuilder form, String name, String value) {
        if (form.length() > 0) {
            form.append('&');
        }
        form.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** Names only: values may be secrets (see {@link Secrets}). */
    @Override
    public String toString() {
        return "VkParams" + values.keySet();
    }
}

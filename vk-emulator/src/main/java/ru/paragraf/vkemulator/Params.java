package ru.paragraf.vkemulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Request parameters in arrival order, with VK-style validation (error 100) on typed reads. */
final class Params {

    private final LinkedHashMap<String, String> values;

    Params(LinkedHashMap<String, String> values) {
        this.values = values;
    }

    static Params empty() {
        return new Params(new LinkedHashMap<>());
    }

    /** The value, or null when absent or empty (VK treats an empty parameter as missing). */
    @Nullable
    String get(String name) {
        var value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    boolean has(String name) {
        return get(name) != null;
    }

    String require(String name) {
        var value = get(name);
        if (value == null) {
            throw ApiError.param(name + " is undefined");
        }
        return value;
    }

    long requireLong(String name) {
        return parseLong(name, require(name));
    }

    long getLong(String name, long defaultValue) {
        var value = get(name);
        return value == null ? defaultValue : parseLong(name, value);
    }

    int getInt(String name, int defaultValue, int min, int max) {
        long value = getLong(name, defaultValue);
        if (value < min || value > max) {
            throw ApiError.param(name + " should be between " + min + " and " + max);
        }
        return (int) value;
    }

    boolean flag(String name) {
        var value = get(name);
        return value != null && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    /** A comma-separated list; empty when absent. */
    List<String> list(String name) {
        var value = get(name);
        var items = new ArrayList<String>();
        if (value != null) {
            for (var item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    List<Long> longList(String name) {
        return list(name).stream().map(item -> parseLong(name, item)).toList();
    }

    @Nullable
    String remove(String name) {
        return values.remove(name);
    }

    Map<String, String> asMap() {
        return values;
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.param(name + " not integer");
        }
    }
}

package ru.paragraf.vkemulator;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** A community token's access right, with its bit in the mask of {@code groups.getTokenPermissions}. */
public enum CommunityPermission {
    STORIES("stories", 1),
    PHOTOS("photos", 4),
    APP_WIDGET("app_widget", 64),
    MESSAGES("messages", 4096),
    DOCS("docs", 131072),
    MANAGE("manage", 262144);

    private final String apiName;
    private final int bit;

    CommunityPermission(String apiName, int bit) {
        this.apiName = apiName;
        this.bit = bit;
    }

    public String apiName() {
        return apiName;
    }

    public int bit() {
        return bit;
    }

    /** The permission with this API name, e.g. {@code "messages"}. */
    public static CommunityPermission byName(String name) {
        return Arrays.stream(values())
                .filter(p -> p.apiName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown community permission: " + name));
    }

    static int mask(Collection<CommunityPermission> permissions) {
        return permissions.stream().mapToInt(CommunityPermission::bit).reduce(0, (a, b) -> a | b);
    }

    static List<CommunityPermission> fromMask(int mask) {
        return Arrays.stream(values()).filter(p -> (mask & p.bit) != 0).toList();
    }
}

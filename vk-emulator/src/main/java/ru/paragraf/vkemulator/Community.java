package ru.paragraf.vkemulator;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A VK community (group), e.g. a school's Sferum community.
 *
 * @param organizationMembers users allowed into this community's chats; null means anyone (error 1019 otherwise)
 */
record Community(long id, String name, String screenName, @Nullable Set<Long> organizationMembers) {

    long peerId() {
        return -id;
    }

    boolean admits(long userId) {
        return organizationMembers == null || organizationMembers.contains(userId);
    }
}

package ru.paragraf.sferum.sync.vk;

import static ru.paragraf.sferum.sync.vk.VkErrorCategory.BUG;
import static ru.paragraf.sferum.sync.vk.VkErrorCategory.CREDENTIALS;
import static ru.paragraf.sferum.sync.vk.VkErrorCategory.ITEM;
import static ru.paragraf.sferum.sync.vk.VkErrorCategory.RETRY;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one table of VK error codes: category, whether the call may have taken effect, whether the client itself
 * retries. Unknown codes are bugs. Each listed code has a Russian explanation {@code vk.error.<code>} in
 * messages_ru.properties (a test keeps them in step).
 */
public final class VkErrorCodes {

    private static final Map<Integer, VkErrorCategory> CATEGORIES = table();

    /** VK failed inside: the method may have done its work before failing. */
    private static final Set<Integer> AMBIGUOUS = Set.of(1, 10);

    /**
     * Retried by the client with backoff. Not 29 (a daily quota: seconds of backoff cannot help) nor 14 (a
     * captcha needs a person); both stay RETRY for the engine's own, longer schedule.
     */
    private static final Set<Integer> CLIENT_RETRIES = Set.of(1, 6, 9, 10);

    private VkErrorCodes() {}

    public static VkErrorCategory categoryOf(int code) {
        return CATEGORIES.getOrDefault(code, BUG);
    }

    /** Whether the method may have run although VK answered this error. */
    public static boolean ambiguous(int code) {
        return AMBIGUOUS.contains(code);
    }

    static boolean retriedByClient(int code) {
        return CLIENT_RETRIES.contains(code);
    }

    /** Every code with a category of its own, in order; the rest are {@link VkErrorCategory#BUG}. */
    public static Map<Integer, VkErrorCategory> known() {
        return CATEGORIES;
    }

    private static Map<Integer, VkErrorCategory> table() {
        var t = new TreeMap<Integer, VkErrorCategory>();
        // transient
        t.put(1, RETRY); // unknown error, try later
        t.put(6, RETRY); // too many requests per second
        t.put(9, RETRY); // flood control
        t.put(10, RETRY); // internal server error
        t.put(14, RETRY); // captcha needed
        t.put(29, RETRY); // daily quota of the method reached
        // the token: invalid, expired, or not allowed this method
        t.put(5, CREDENTIALS); // authorization failed: bad, revoked or expired token
        t.put(7, CREDENTIALS); // permission denied (scope)
        t.put(15, CREDENTIALS); // access denied (e.g. no messages permission)
        t.put(17, CREDENTIALS); // validation required
        t.put(27, CREDENTIALS); // group authorization failed: method needs a user token
        t.put(28, CREDENTIALS); // application authorization failed
        t.put(912, CREDENTIALS); // the community's chat-bot feature is off
        t.put(1117, CREDENTIALS); // access token expired
        // one object
        t.put(18, ITEM); // user deleted or banned
        t.put(30, ITEM); // private profile
        t.put(103, ITEM); // out of limits (e.g. chat full)
        t.put(104, ITEM); // not found
        t.put(113, ITEM); // invalid user id
        t.put(203, ITEM); // access to the group denied
        t.put(900, ITEM); // recipient blacklisted the sender
        t.put(901, ITEM); // user did not allow messages from the community
        t.put(902, ITEM); // privacy settings
        t.put(914, ITEM); // message too long
        t.put(917, ITEM); // no access to the chat
        t.put(919, ITEM); // cannot see the invite link
        t.put(922, ITEM); // left the chat
        t.put(925, ITEM); // not an admin of the chat
        t.put(927, ITEM); // chat does not exist
        t.put(931, ITEM); // cannot change the invite link
        t.put(932, ITEM); // the community cannot interact with this peer
        t.put(935, ITEM); // user not found in the chat
        t.put(936, ITEM); // contact not found
        t.put(939, ITEM); // message request already sent
        t.put(945, ITEM); // chat disabled
        t.put(946, ITEM); // chat not supported
        t.put(947, ITEM); // user has no access to the group
        t.put(967, ITEM); // not an employee (work chat)
        t.put(981, ITEM); // privacy forbids adding
        t.put(982, ITEM); // adding temporarily blocked
        t.put(983, ITEM); // restricted to write
        t.put(984, ITEM); // spam restriction
        t.put(1012, ITEM); // writing disabled for the chat
        t.put(1017, ITEM); // chat deleted
        t.put(1019, ITEM); // not a member of the organization
        // our requests
        t.put(3, BUG); // unknown method
        t.put(8, BUG); // invalid request
        t.put(100, BUG); // a parameter is missing or invalid
        return java.util.Collections.unmodifiableMap(t);
    }
}

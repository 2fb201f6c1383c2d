package ru.paragraf.sferum.sync;

/**
 * A person's account in the messenger of their school, in SQL: the MAX user id for a MAX school, the VK one
 * otherwise (school.sync_journal_member and school.sync_lesson_substitute have both; {@code sync.organization} says
 * the school's messenger). {@code sync.chat_member.vk_user_id} and the payloads' {@code vkUser} hold this account,
 * whichever messenger it is of.
 */
final class MemberAccounts {

    private MemberAccounts() {}

    /**
     * The account column of {@code person}, a row of a school view, by {@code organization}, a sync.organization row
     * (VK's where there is none).
     */
    static String of(String organization, String person) {
        return "case when %1$s.messenger = 'MAX' then %2$s.max_user_id else %2$s.sferum_user_id end"
                .formatted(organization, person);
    }

    /** Whether the person must link the account again first: VK ID refused it (a MAX account has no such state). */
    static String relinkRequired(String organization, String person) {
        return "(%1$s.messenger is distinct from 'MAX' and %2$s.sferum_relink_required)"
                .formatted(organization, person);
    }
}

package ru.paragraf.sferum.notices;

import org.jspecify.annotations.Nullable;

/**
 * A person's mail: the address their digests go to (none: no mail) and whether they want mail at all.
 *
 * @param enabled false once the person turned mail off
 * @param fromStaffFile the person never set their mail: the address is their staff file's (a saved setting is theirs)
 */
record MailSetting(@Nullable String address, boolean enabled, boolean fromStaffFile) {

    static final MailSetting NONE = new MailSetting(null, true, false);

    /** What the person chose themselves. */
    static MailSetting chosen(@Nullable String address, boolean enabled) {
        return new MailSetting(address, enabled, false);
    }
}

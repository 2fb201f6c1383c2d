package ru.paragraf.sferum.notices;

import org.jspecify.annotations.Nullable;

/**
 * A person's mail: the address their digests go to (none: no mail) and whether they want mail at all.
 *
 * @param enabled false once the person turned mail off
 */
record MailSetting(@Nullable String address, boolean enabled) {

    static final MailSetting NONE = new MailSetting(null, true);
}

package ru.paragraf.sferum.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The address a person types for their digests: one plain address, blank for none, never a control character. */
class MailAddressTests {

    @Test
    void aBlankAddressMeansNoMail() {
        assertThat(MailAddress.check(null)).isNull();
        assertThat(MailAddress.check("   ")).isNull();
    }

    @Test
    void anAddressIsKeptWithoutTheSpacesAroundIt() {
        assertThat(MailAddress.check("  uchitelev@school.spb.ru ")).isEqualTo("uchitelev@school.spb.ru");
    }

    @Test
    void controlCharactersAreRefusedInRussian() {
        assertThatThrownBy(() -> MailAddress.check("a@b.ru\u0000"))
                .isInstanceOf(InvalidMailAddressException.class)
                .hasMessage("notices.mail.control");
        assertThatThrownBy(() -> MailAddress.check("a@b.ru\r\nBcc: everyone@b.ru"))
                .hasMessage("notices.mail.control");
    }

    @Test
    void onlyOnePlainAddressIsTaken() {
        for (var typed : new String[] {"uchitelev", "a@b", "a@b.ru, c@d.ru", "Пётр <a@b.ru>", "a b@c.ru", "@b.ru"}) {
            assertThatThrownBy(() -> MailAddress.check(typed)).as(typed).hasMessage("notices.mail.invalid");
        }
        assertThatThrownBy(() -> MailAddress.check("a".repeat(250) + "@b.ru")).hasMessage("notices.mail.invalid");
    }
}

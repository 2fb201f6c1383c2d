package ru.paragraf.sferum.diary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The random values of an authorization follow VK ID's and RFC 7636's rules. */
class PkceTests {

    @Test
    void makesStatesAndVerifiersOfTheRightShape() {
        assertThat(Pkce.newState()).matches("[A-Za-z0-9_-]{32,}");
        assertThat(Pkce.newVerifier()).matches("[A-Za-z0-9_-]{43,128}");
        assertThat(Pkce.newState()).isNotEqualTo(Pkce.newState());
    }

    @Test
    void computesTheS256ChallengeOfRfc7636() {
        // RFC 7636, appendix B
        assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }
}

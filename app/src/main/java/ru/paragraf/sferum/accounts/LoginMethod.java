package ru.paragraf.sferum.accounts;

/** How a person logged in, as «Мои входы» shows it. */
public enum LoginMethod {
    /** The login form with a local password. */
    FORM,
    /** Single sign-on through the city's identity provider. */
    SSO,
    /** HTTP Basic of the API. */
    HTTP_BASIC
}

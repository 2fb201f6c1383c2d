package ru.paragraf.sferum.accounts;

/** What a person is in the school system; decides what they may see and do. */
public enum Role {
    /** СПбЦОКОиИТ: sees every district and school. */
    CITY_OPERATOR,
    /** РЦИО: sees the schools of one district. */
    DISTRICT_OPERATOR,
    /** The person responsible for Paragraph in one school. */
    SCHOOL_ADMIN,
    TEACHER,
    PUPIL,
    PARENT;

    /** Staff who work in the school system's applications rather than in the diary. */
    public boolean isStaff() {
        return this == CITY_OPERATOR || this == DISTRICT_OPERATOR || this == SCHOOL_ADMIN || this == TEACHER;
    }

    /** Those who administer schools: operators and school admins. */
    public boolean isAdministrator() {
        return this == CITY_OPERATOR || this == DISTRICT_OPERATOR || this == SCHOOL_ADMIN;
    }

    String authority() {
        return "ROLE_" + name();
    }
}

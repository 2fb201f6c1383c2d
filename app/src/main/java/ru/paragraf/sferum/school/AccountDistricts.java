package ru.paragraf.sferum.school;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.accounts.OrganizationDistricts;

/** The district of a school, for the accounts module's decisions about district operators. */
@Component
class AccountDistricts implements OrganizationDistricts {

    private final JdbcClient jdbc;

    AccountDistricts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UUID> districtOf(UUID organization) {
        return jdbc.sql("select district_id from school.organization where id = :id")
                .param("id", organization)
                .query(UUID.class)
                .optional();
    }
}

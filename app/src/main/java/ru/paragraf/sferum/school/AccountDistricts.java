package ru.paragraf.sferum.school;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.accounts.OperatorDistricts;
import ru.paragraf.sferum.accounts.OrganizationDistricts;

/**
 * The districts of the city as the accounts module needs them: the district of a school (decisions about district
 * operators' scope) and the districts that district operator accounts are tied to («Учётные записи»).
 */
@Component
class AccountDistricts implements OrganizationDistricts, OperatorDistricts {

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

    @Override
    @Transactional(readOnly = true)
    public List<District> all() {
        return jdbc.sql("select id, name from school.district order by name")
                .query(District.class)
                .list();
    }
}

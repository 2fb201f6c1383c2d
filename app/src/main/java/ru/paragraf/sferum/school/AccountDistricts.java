package ru.paragraf.sferum.school;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.accounts.OperatorDistricts;

/** The districts that district operator accounts are tied to, for «Учётные записи» of the accounts module. */
@Component
class AccountDistricts implements OperatorDistricts {

    private final JdbcClient jdbc;

    AccountDistricts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<District> all() {
        return jdbc.sql("select id, name from school.district order by name")
                .query(District.class)
                .list();
    }
}

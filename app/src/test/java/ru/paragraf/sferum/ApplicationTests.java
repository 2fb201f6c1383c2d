package ru.paragraf.sferum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class ApplicationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migratesEveryModuleSchema() {
        var schemas = jdbc.sql("select schema_name from information_schema.schemata")
                .query(String.class)
                .list();
        assertThat(schemas).contains("school", "accounts");
    }
}

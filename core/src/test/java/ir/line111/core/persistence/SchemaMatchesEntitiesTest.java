package ir.line111.core.persistence;

import ir.line111.core.testing.OnBothDatabases;

import static org.assertj.core.api.Assertions.assertThatCode;

/** The migrations (not Hibernate) make the tables; this checks they match every entity, on both databases. */
class SchemaMatchesEntitiesTest {

    @OnBothDatabases
    void hibernateValidatesTheMigratedSchema(Database db) {
        assertThatCode(db::validateSchema).doesNotThrowAnyException();
    }
}

package ir.line111.core.persistence;

import ir.line111.core.domain.agencies.Agency;
import ir.line111.core.testing.OnBothDatabases;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agency's prompt is kept with the agency (V6), not found by matching its Persian name. */
class AgencyPromptTest {

    @OnBothDatabases
    void aRenameKeepsThePromptAndTheKeyIsChecked(Database db) {
        PersistentAgencies agencies = new PersistentAgencies(db);
        Agency water = agencies.add("آبفا " + System.nanoTime());
        assertThat(water.promptKey()).isNull();
        assertThat(agencies.assignPrompt(water.id(), "agency-water").promptKey()).isEqualTo("agency-water");
        Agency renamed = agencies.update(water.id(), "شرکت آب و فاضلاب استان " + System.nanoTime(), true);
        assertThat(renamed.promptKey()).isEqualTo("agency-water");
        assertThat(agencies.find(water.id()).orElseThrow().promptKey()).isEqualTo("agency-water");
        assertThatThrownBy(() -> agencies.assignPrompt(water.id(), "welcome")).isInstanceOf(IllegalArgumentException.class);
        assertThat(agencies.assignPrompt(water.id(), " ").promptKey()).isNull();
    }

    @OnBothDatabases
    void theMigrationGivesAgenciesNamedAsACataloguePromptThatPrompt(Database db) throws Exception {
        PersistentAgencies agencies = new PersistentAgencies(db);
        long gas = agencies.add("شرکت گاز").id();
        long other = agencies.add("اداره ثبت اسناد " + System.nanoTime()).id();
        long banks = agencies.add("بانک‌ها").id();
        agencies.assignPrompt(banks, "agency-health");   // set by hand before: the backfill leaves it
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : migration().split(";")) {
                String update = sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (update.startsWith("update")) st.executeUpdate(update);
            }
            try (PreparedStatement ps = c.prepareStatement("select count(*) from agency where prompt_key is not null")) {
                var rs = ps.executeQuery();
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
        assertThat(agencies.find(gas).orElseThrow().promptKey()).isEqualTo("agency-gas");
        assertThat(agencies.find(other).orElseThrow().promptKey()).isNull();
        assertThat(agencies.find(banks).orElseThrow().promptKey()).isEqualTo("agency-health");
    }

    private static String migration() throws Exception {
        try (InputStream in = AgencyPromptTest.class.getResourceAsStream("/db/migration/V6__agency_prompt_key.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package ir.line111.core.persistence;

import ir.line111.core.domain.users.Role;
import ir.line111.core.domain.users.User;
import ir.line111.core.domain.users.UserException;
import ir.line111.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserDirectoryTest {

    @ParameterizedTest
    @MethodSource("ir.line111.core.testing.TestDatabases#kinds")
    void firstStartCreatesOneAdminThenUsersAreAddedVerifiedAndChanged(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            PersistentUserDirectory users = new PersistentUserDirectory(db, 4, Clock.systemUTC());
            assertThat(users.hasAnyUser()).isFalse();
            String adminPassword = users.ensureFirstAdmin().orElseThrow();
            assertThat(adminPassword).hasSize(16);
            assertThat(users.ensureFirstAdmin()).isEmpty();
            assertThat(users.verify("admin", adminPassword.toCharArray())).map(User::roles).contains(Set.of(Role.ADMIN));

            User op = users.add("op1", "Operator One", EnumSet.of(Role.OPERATOR), "correct horse".toCharArray());
            assertThat(op.roles()).containsExactly(Role.OPERATOR);
            assertThat(users.verify("op1", "correct horse".toCharArray())).isPresent();
            assertThat(users.verify("op1", "wrong horse!".toCharArray())).isEmpty();
            assertThat(users.verify("nobody", "correct horse".toCharArray())).isEmpty();

            users.changePassword("op1", "battery staple".toCharArray());
            assertThat(users.verify("op1", "correct horse".toCharArray())).isEmpty();
            assertThat(users.verify("op1", "battery staple".toCharArray())).isPresent();

            User changed = users.update("op1", "Op One", EnumSet.of(Role.OPERATOR, Role.SUPERVISOR), false, "PJSIP/op1");
            assertThat(changed.device()).isEqualTo("PJSIP/op1");
            assertThat(users.verify("op1", "battery staple".toCharArray())).as("disabled users cannot sign in").isEmpty();
            assertThat(users.list()).extracting(User::username).containsExactly("admin", "op1");
        }
    }

    @Test
    void badInputIsRefusedWithItsReason() {
        try (Database db = TestDatabases.h2()) {
            PersistentUserDirectory users = new PersistentUserDirectory(db, 4, Clock.systemUTC());
            users.add("tr1", null, EnumSet.of(Role.TRANSCRIBER), "long enough!".toCharArray());
            assertProblem(() -> users.add("tr1", null, EnumSet.of(Role.TRANSCRIBER), "long enough!".toCharArray()), UserException.Problem.EXISTS);
            assertProblem(() -> users.add("Bad Name", null, EnumSet.of(Role.TRANSCRIBER), "long enough!".toCharArray()), UserException.Problem.INVALID_USERNAME);
            assertProblem(() -> users.add("x", null, EnumSet.of(Role.TRANSCRIBER), "long enough!".toCharArray()), UserException.Problem.INVALID_USERNAME);
            assertProblem(() -> users.add("tr2", null, EnumSet.of(Role.TRANSCRIBER), "short".toCharArray()), UserException.Problem.WEAK_PASSWORD);
            assertProblem(() -> users.add("tr2", null, EnumSet.of(Role.TRANSCRIBER), "x".repeat(73).toCharArray()), UserException.Problem.WEAK_PASSWORD);
            assertProblem(() -> users.add("tr2", null, Set.of(), "long enough!".toCharArray()), UserException.Problem.NO_ROLES);
            assertProblem(() -> users.changePassword("ghost", "long enough!".toCharArray()), UserException.Problem.NO_SUCH_USER);
            assertThat(Role.fromCode("Supervisor")).isEqualTo(Role.SUPERVISOR);
            assertThatThrownBy(() -> Role.fromCode("root")).hasMessageContaining("no such role");
        }
    }

    private static void assertProblem(Runnable r, UserException.Problem p) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(UserException.class, e -> assertThat(e.problem()).isEqualTo(p));
    }
}

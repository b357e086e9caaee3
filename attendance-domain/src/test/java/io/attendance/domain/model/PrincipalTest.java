package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.Forbidden;
import io.attendance.domain.error.ValidationFailed;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PrincipalTest {
    private static final EmployeeId ADA = new EmployeeId("E-1");
    private static final EmployeeId BOB = new EmployeeId("E-2");
    private static final ApiKeyId KEY = new ApiKeyId("0123456789abcdef");

    private static Principal user(Role role) {
        return Principal.of(new Username("alice"), new Grant(Set.of(role), Optional.of(ADA)));
    }

    private static Set<Permission> onEveryone(Principal principal) {
        return Arrays.stream(Permission.values()).filter(principal::may)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
    }

    @Test
    void eachRoleGrantsItsPermissionsOnEveryEmployee() {
        assertThat(onEveryone(user(Role.ADMIN))).containsExactlyInAnyOrder(Permission.values());
        assertThat(onEveryone(user(Role.MANAGER))).containsExactlyInAnyOrder(Permission.READ_EMPLOYEES,
                Permission.WRITE_EMPLOYEES, Permission.READ_ATTENDANCE, Permission.WRITE_ATTENDANCE,
                Permission.DELETE_ATTENDANCE, Permission.IMPORT_ATTENDANCE);
        assertThat(onEveryone(user(Role.VIEWER))).containsExactlyInAnyOrder(Permission.READ_EMPLOYEES,
                Permission.READ_ATTENDANCE);
        assertThat(onEveryone(user(Role.DEVICE))).containsExactly(Permission.WRITE_ATTENDANCE);
        assertThat(onEveryone(user(Role.EMPLOYEE))).as("only on its own employee").isEmpty();
    }

    @Test
    void anEmployeeReadsItsOwnEmployeeAndRecordsAndNothingElse() {
        Principal ada = user(Role.EMPLOYEE);

        assertThat(ada.mayOn(Permission.READ_ATTENDANCE, ADA)).isTrue();
        assertThat(ada.mayOn(Permission.READ_EMPLOYEES, ADA)).isTrue();
        assertThat(ada.mayOn(Permission.WRITE_ATTENDANCE, ADA)).isFalse();
        assertThat(ada.mayOn(Permission.READ_ATTENDANCE, BOB)).isFalse();
        ada.requireOn(Permission.READ_ATTENDANCE, ADA);
        assertThatThrownBy(() -> ada.requireOn(Permission.READ_ATTENDANCE, BOB)).isInstanceOf(Forbidden.class)
                .hasMessage("the roles [EMPLOYEE] do not allow read attendance");
        assertThatThrownBy(() -> ada.require(Permission.READ_ATTENDANCE)).isInstanceOf(Forbidden.class);
    }

    @Test
    void aRoleOnEveryoneCoversEachEmployeeWhateverTheAccountIsLinkedTo() {
        Principal viewer = user(Role.VIEWER);
        Principal unlinked = Principal.of(new Username("bob"), new Grant(Set.of(Role.MANAGER), Optional.empty()));

        assertThat(viewer.mayOn(Permission.READ_ATTENDANCE, BOB)).isTrue();
        assertThat(viewer.mayOn(Permission.WRITE_ATTENDANCE, ADA)).as("its own employee gets no more").isFalse();
        assertThat(unlinked.mayOn(Permission.WRITE_ATTENDANCE, BOB)).isTrue();
        viewer.require(Permission.READ_EMPLOYEES);
        assertThatThrownBy(() -> viewer.require(Permission.WRITE_EMPLOYEES)).isInstanceOf(Forbidden.class)
                .hasMessage("the roles [VIEWER] do not allow write employees");
        assertThatThrownBy(() -> viewer.requireOn(Permission.DELETE_ATTENDANCE, ADA)).isInstanceOf(Forbidden.class);
    }

    @Test
    void aCallerLimitedToItsOwnEmployeeSeesOnlyThatOne() {
        assertThat(user(Role.VIEWER).limitedTo(Permission.READ_ATTENDANCE)).as("everyone's").isEmpty();
        assertThat(user(Role.EMPLOYEE).limitedTo(Permission.READ_ATTENDANCE)).contains(ADA);
        assertThat(Principal.of(new Username("eve"), new Grant(Set.of(Role.EMPLOYEE, Role.DEVICE), Optional.of(BOB)))
                .limitedTo(Permission.READ_EMPLOYEES)).contains(BOB);
        assertThatThrownBy(() -> user(Role.DEVICE).limitedTo(Permission.READ_ATTENDANCE)).isInstanceOf(Forbidden.class)
                .hasMessage("the roles [DEVICE] do not allow read attendance");
        assertThatThrownBy(() -> user(Role.EMPLOYEE).limitedTo(Permission.WRITE_ATTENDANCE)).isInstanceOf(Forbidden.class);
    }

    @Test
    void theAuditTrailNamesTheCallerByHowItSignedIn() {
        Grant viewer = new Grant(Set.of(Role.VIEWER), Optional.empty());

        assertThat(Principal.of(new Username("Alice"), viewer).actor()).isEqualTo("user:alice");
        assertThat(Principal.of(KEY, viewer).actor()).isEqualTo("api-key:0123456789abcdef");
        assertThat(Principal.of(KEY, viewer)).isEqualTo(new Principal(Principal.Kind.API_KEY, "0123456789abcdef",
                Set.of(Role.VIEWER), Optional.empty()));
        assertThat(Principal.anonymous(Set.of(Role.MANAGER)).actor()).isEqualTo("anonymous");
    }

    @Test
    void anOpenedV1RouteActsWithTheRolesItNeedsAndNoEmployee() {
        Principal anonymous = Principal.anonymous(Set.of(Role.VIEWER));

        assertThat(anonymous.kind()).isEqualTo(Principal.Kind.ANONYMOUS);
        assertThat(anonymous.employeeId()).isEmpty();
        assertThat(anonymous.may(Permission.READ_ATTENDANCE)).isTrue();
        assertThat(anonymous.may(Permission.WRITE_ATTENDANCE)).isFalse();
        assertThat(Principal.anonymous(Set.of()).roles()).as("no role at all").isEmpty();
        assertThat(Principal.anonymous(Set.of()).may(Permission.READ_ATTENDANCE)).isFalse();
    }

    @Test
    void aPrincipalHasAName() {
        assertThatThrownBy(() -> new Principal(Principal.Kind.USER, " ", Set.of(Role.ADMIN), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRoleIsNamedInAnyLetterCase() {
        assertThat(Role.parse("roles", "admin")).isEqualTo(Role.ADMIN);
        assertThat(Role.parse("roles", " Manager ")).isEqualTo(Role.MANAGER);
        assertThat(Role.parse("roles", "DEVICE")).isEqualTo(Role.DEVICE);

        FieldError unknown = new FieldError("roles", "must be one of [ADMIN, MANAGER, VIEWER, EMPLOYEE, DEVICE]");
        assertThat(catchThrowableOfType(ValidationFailed.class, () -> Role.parse("roles", "root")).errors())
                .containsExactly(unknown);
        assertThat(catchThrowableOfType(ValidationFailed.class, () -> Role.parse("roles", null)).errors())
                .containsExactly(unknown);
    }
}

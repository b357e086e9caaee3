package io.attendance.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.WorkDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CachedReadsTest {
    private static final EmployeeId ADA = new EmployeeId("E-1");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final AttendanceQuery NOVEMBER = new AttendanceQuery(WorkDate.of(2026, 11, 1),
            WorkDate.of(2026, 11, 30), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    @Test
    void aPageKeyHoldsEveryComponentOfItsQueryAndItsPositionAndLimit() {
        assertThat(CachedReads.attendancePage(NOVEMBER, Optional.of(new AttendanceKey(DAY, ADA)), 10).arguments())
                .as("a component added to AttendanceQuery must be added to its cache key")
                .hasSize(AttendanceQuery.class.getRecordComponents().length + 2 + 1);
        assertThat(CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.of(ADA), 10).arguments())
                .as("a component added to EmployeeQuery must be added to its cache key")
                .hasSize(EmployeeQuery.class.getRecordComponents().length + 1 + 1);
    }

    @Test
    void noTextPassesForAnAbsentFilter() {
        EmployeeQuery dashDepartment = new EmployeeQuery(Optional.of("-"), Optional.empty(), Optional.empty());

        assertThat(CachedReads.employeePage(dashDepartment, Optional.empty(), 10))
                .isNotEqualTo(CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 10));
    }

    @Test
    void everyReadHasANameOfItsOwn() {
        List<String> names = CachedReads.every().stream().map(CachedRead::name).toList();

        assertThat(names).doesNotHaveDuplicates().contains("latest", "rendered-attendance-listing", "employee-page");
    }

    @Test
    void aKeyNamesAnEmployeeExactlyWhenItsReadFollowsOne() {
        CacheKey<?> record = CachedReads.record(ADA, DAY);
        CacheKey<?> page = CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 10);

        assertThat(record.employee()).contains(ADA);
        assertThat(page.employee()).isEmpty();
        assertThatThrownBy(() -> new CacheKey<>(record.read(), Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CacheKey<>(page.read(), Optional.of(ADA), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReadIsNamedSoThatItFitsInAnyKeyAndMeterTag() {
        assertThatThrownBy(() -> new CachedRead<>("Attendance page", CachedRead.Scope.LISTINGS, CachedValue.rendered()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.attendance.application.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.FeedPosition;
import io.attendance.domain.model.WorkDate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
    private static final byte[] SECRET = "the secret every instance shares".getBytes(StandardCharsets.UTF_8);
    private static final AttendanceQuery NOVEMBER = new AttendanceQuery(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 30),
            Optional.empty(), Optional.of("R&D"), Optional.of(AttendanceStatus.PRESENT),
            Optional.of(Instant.parse("2026-11-01T00:00:00.000001Z")));
    private static final AttendanceKey POSITION = new AttendanceKey(WorkDate.of(2026, 11, 27), new EmployeeId("E-1"));
    private static final EmployeeQuery ADAS = new EmployeeQuery(Optional.empty(), Optional.of(true), Optional.of("ada"));

    private final CursorCodec codec = new CursorCodec(SECRET);

    private static void assertRefusedOnTheCursorField(Runnable decoding) {
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class, decoding::run);
        assertThat(refused).isNotNull();
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("cursor");
    }

    @Test
    void aCursorGivesBackThePositionItWasMadeFrom() {
        assertThat(codec.decode(NOVEMBER, Optional.of(codec.encode(NOVEMBER, POSITION)))).contains(POSITION);
        assertThat(codec.decode(ADAS, Optional.of(codec.encode(ADAS, new EmployeeId("E-1"))))).contains(new EmployeeId("E-1"));
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(codec.decode(NOVEMBER, Optional.empty())).isEmpty();
        assertThat(codec.decode(ADAS, Optional.empty())).isEmpty();
    }

    @Test
    void aCursorIsSafeInAUrlQuery() {
        assertThat(codec.encode(NOVEMBER, POSITION)).matches("[A-Za-z0-9_.-]+");
        assertThat(codec.encode(ADAS, new EmployeeId("E-1"))).matches("[A-Za-z0-9_.-]+");
    }

    @Test
    void anotherInstanceWithTheSameSecretAcceptsTheCursor() {
        String cursor = codec.encode(NOVEMBER, POSITION);

        assertThat(new CursorCodec(SECRET.clone()).decode(NOVEMBER, Optional.of(cursor))).contains(POSITION);
        assertRefusedOnTheCursorField(() -> new CursorCodec("another secret of sixteen bytes".getBytes(StandardCharsets.UTF_8))
                .decode(NOVEMBER, Optional.of(cursor)));
    }

    @Test
    void anAlteredCursorIsRefused() {
        String cursor = codec.encode(NOVEMBER, POSITION);
        int dot = cursor.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
        String movedPosition = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("E-1", "E-2").getBytes(StandardCharsets.UTF_8)) + cursor.substring(dot);
        char flipped = cursor.charAt(dot + 3) == 'A' ? 'B' : 'A';
        String flippedSignature = cursor.substring(0, dot + 3) + flipped + cursor.substring(dot + 4);

        for (String bad : List.of(movedPosition, flippedSignature, cursor.substring(0, dot), cursor.substring(0, dot + 1),
                cursor.substring(dot), cursor + "AA", cursor.replace('.', '!'), "", ".", "..", "a.b", "%%.%%", "x".repeat(5000),
                "eyJ0ZXN0IjoxfQ.c2lnbmF0dXJl")) {
            assertRefusedOnTheCursorField(() -> codec.decode(NOVEMBER, Optional.of(bad)));
        }
    }

    @Test
    void aCursorWorksOnlyForTheQueryItWasMadeFor() {
        String cursor = codec.encode(NOVEMBER, POSITION);
        AttendanceQuery otherStatus = new AttendanceQuery(NOVEMBER.from(), NOVEMBER.to(), NOVEMBER.employeeId(),
                NOVEMBER.department(), Optional.of(AttendanceStatus.ABSENT), NOVEMBER.updatedSince());
        AttendanceQuery otherRange = new AttendanceQuery(NOVEMBER.from(), WorkDate.of(2026, 11, 29), NOVEMBER.employeeId(),
                NOVEMBER.department(), NOVEMBER.status(), NOVEMBER.updatedSince());

        assertRefusedOnTheCursorField(() -> codec.decode(otherStatus, Optional.of(cursor)));
        assertRefusedOnTheCursorField(() -> codec.decode(otherRange, Optional.of(cursor)));
        assertRefusedOnTheCursorField(() -> codec.decode(ADAS, Optional.of(cursor)));
        assertRefusedOnTheCursorField(() -> codec.decode(NOVEMBER, Optional.of(codec.encode(ADAS, new EmployeeId("E-1")))));
        assertRefusedOnTheCursorField(() -> codec.decode(EmployeeQuery.EVERYONE, Optional.of(codec.encode(ADAS, new EmployeeId("E-1")))));
    }

    @Test
    void aHistoryCursorGivesBackTheSequenceNumberForItsOwnRecordOrEmployeeOnly() {
        String records = codec.encodeHistory(POSITION, 42);
        String employees = codec.encodeHistory(new EmployeeId("E-1"), 42);
        AttendanceKey nextDay = new AttendanceKey(WorkDate.of(2026, 11, 28), POSITION.employeeId());

        assertThat(codec.decodeHistory(POSITION, Optional.of(records))).hasValue(42);
        assertThat(codec.decodeHistory(new EmployeeId("E-1"), Optional.of(employees))).hasValue(42);
        assertThat(codec.decodeHistory(POSITION, Optional.empty())).isEmpty();
        assertRefusedOnTheCursorField(() -> codec.decodeHistory(nextDay, Optional.of(records)));
        assertRefusedOnTheCursorField(() -> codec.decodeHistory(new EmployeeId("E-2"), Optional.of(employees)));
        assertRefusedOnTheCursorField(() -> codec.decodeHistory(POSITION, Optional.of(employees)));
        assertRefusedOnTheCursorField(() -> codec.decodeHistory(new EmployeeId("E-1"), Optional.of(records)));
        assertRefusedOnTheCursorField(() -> codec.decodeHistory(POSITION, Optional.of(codec.encode(NOVEMBER, POSITION))));
        assertRefusedOnTheCursorField(() -> codec.decode(NOVEMBER, Optional.of(records)));
        assertThatThrownBy(() -> codec.decodeHistory(new EmployeeId("E-1"), Optional.of(codec.encode(ADAS, new EmployeeId("E-1")))))
                .hasMessageContaining("was issued by another kind of read");
    }

    @Test
    void aFeedTokenGivesBackItsPositionAndIsRefusedOnTheParameterThatCarriedIt() {
        FeedPosition position = new FeedPosition(Long.MAX_VALUE, 42);
        String token = codec.encode(position);
        int dot = token.indexOf('.');
        String flippedSignature = token.substring(0, dot + 3) + (token.charAt(dot + 3) == 'A' ? 'B' : 'A')
                + token.substring(dot + 4);

        assertThat(token).matches("[A-Za-z0-9_.-]+");
        assertThat(codec.decodeFeedPosition("after", Optional.of(token))).contains(position);
        assertThat(codec.decodeFeedPosition("after", Optional.empty())).isEmpty();
        for (String bad : List.of(flippedSignature, "garbage", "",
                codec.encode(NOVEMBER, POSITION), codec.encode(ADAS, new EmployeeId("E-1")))) {
            ValidationFailed refused = catchThrowableOfType(ValidationFailed.class,
                    () -> codec.decodeFeedPosition("after", Optional.of(bad)));
            assertThat(refused).as(bad).isNotNull();
            assertThat(refused.errors()).extracting(FieldError::field).containsExactly("after");
        }
    }

    @Test
    void aFeedTokenIsNoListingCursor() {
        String token = codec.encode(new FeedPosition(7, 3));

        assertRefusedOnTheCursorField(() -> codec.decode(NOVEMBER, Optional.of(token)));
        assertRefusedOnTheCursorField(() -> codec.decode(EmployeeQuery.EVERYONE, Optional.of(token)));
    }

    @Test
    void filtersThatRunTogetherStillMakeDifferentQueries() {
        EmployeeQuery departmentSwallowsTheName = new EmployeeQuery(Optional.of("x&active=&q=y"), Optional.empty(), Optional.empty());
        EmployeeQuery nameSwallowsTheRest = new EmployeeQuery(Optional.of("x"), Optional.empty(), Optional.of("y&active=&q="));
        String cursor = codec.encode(departmentSwallowsTheName, new EmployeeId("E-1"));

        assertRefusedOnTheCursorField(() -> codec.decode(nameSwallowsTheRest, Optional.of(cursor)));
    }

    @Test
    void codecsWithRandomSecretsRefuseEachOthersCursors() {
        CursorCodec one = CursorCodec.withRandomSecret();
        CursorCodec other = CursorCodec.withRandomSecret();
        String cursor = one.encode(NOVEMBER, POSITION);

        assertThat(one.decode(NOVEMBER, Optional.of(cursor))).contains(POSITION);
        assertRefusedOnTheCursorField(() -> other.decode(NOVEMBER, Optional.of(cursor)));
    }

    @Test
    void theCursorOfTheLongestQueryAClientMaySendIsAccepted() {
        String longestDepartment = "😀".repeat(EmployeeDetails.MAX_DEPARTMENT_LENGTH);
        EmployeeQuery longestEmployees = new EmployeeQuery(Optional.of(longestDepartment), Optional.of(false),
                Optional.of("😀".repeat(EmployeeDetails.MAX_NAME_LENGTH)));
        EmployeeId longestId = new EmployeeId("E".repeat(EmployeeId.MAX_LENGTH));
        AttendanceQuery longestAttendance = new AttendanceQuery(NOVEMBER.from(), NOVEMBER.to(), Optional.of(longestId),
                Optional.of(longestDepartment), Optional.of(AttendanceStatus.WORK_FROM_HOME), NOVEMBER.updatedSince());
        AttendanceKey longestPosition = new AttendanceKey(POSITION.date(), longestId);

        assertThat(codec.decode(longestEmployees, Optional.of(codec.encode(longestEmployees, longestId)))).contains(longestId);
        assertThat(codec.decode(longestAttendance, Optional.of(codec.encode(longestAttendance, longestPosition))))
                .contains(longestPosition);
    }

    @Test
    void aSecretHasAtLeast16Bytes() {
        assertThatThrownBy(() -> new CursorCodec(new byte[15])).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CursorCodec(new byte[16]).encode(ADAS, new EmployeeId("E-1"))).isNotBlank();
    }

    @Test
    void changingTheSecretArrayAfterwardsChangesNothing() {
        byte[] secret = SECRET.clone();
        CursorCodec kept = new CursorCodec(secret);
        String cursor = kept.encode(NOVEMBER, POSITION);

        secret[0] ^= 1;

        assertThat(kept.decode(NOVEMBER, Optional.of(cursor))).contains(POSITION);
    }
}

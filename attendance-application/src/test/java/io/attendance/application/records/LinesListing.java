package io.attendance.application.records;

import io.attendance.domain.model.EmployeeAttendance;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ListingOutput} for tests: an element is the line {@code "<employee id> <date> <STATUS>"}, the
 * serialised form is those lines, each ending with a newline. {@link #lines()} is what a client would
 * have read, whichever way it was written.
 */
public class LinesListing implements ListingOutput<EmployeeAttendance> {
    private final List<String> lines = new ArrayList<>();
    private StringBuilder copy = new StringBuilder();
    private boolean servedSerialised;
    private boolean finished;

    public static List<String> everyRecord(LookUpAttendance lookUp) {
        LinesListing output = new LinesListing();
        lookUp.writeAll(output);
        return output.lines();
    }

    public static String line(EmployeeAttendance attendance) {
        return attendance.employee().id().value() + " " + attendance.record().date() + " "
                + attendance.record().entry().status();
    }

    @Override
    public void write(EmployeeAttendance element) {
        String line = line(element);
        lines.add(line);
        if (copy != null) {
            copy.append(line).append('\n');
        }
    }

    @Override
    public void writeSerialised(byte[] listing) {
        String text = new String(listing, StandardCharsets.UTF_8);
        lines.addAll(text.isEmpty() ? List.of() : Arrays.asList(text.split("\n")));
        servedSerialised = true;
    }

    @Override
    public void forgetCopy() {
        copy = null;
    }

    @Override
    public Optional<byte[]> finish() {
        finished = true;
        return Optional.ofNullable(copy).map(kept -> kept.toString().getBytes(StandardCharsets.UTF_8));
    }

    public List<String> lines() {
        return lines;
    }

    public boolean servedSerialised() {
        return servedSerialised;
    }

    public boolean finished() {
        return finished;
    }
}

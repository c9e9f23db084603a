package org.opencps.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.opencps.platform.errors.InvalidInputException;

/** A usage report request from query parameters, each malformed one refused naming its field. */
public final class ReportParameters {

    private ReportParameters() {
    }

    public static UsageReportRequest request(String by, String per, String from, String to, String subject) {
        return new UsageReportRequest(choice(UsageReportRequest.Dimension.class, "by", by),
                choice(UsageReportRequest.Per.class, "per", per), day("from", from), day("to", to), id("subject", subject));
    }

    static <E extends Enum<E>> E choice(Class<E> type, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            StringBuilder known = new StringBuilder();
            for (E value : type.getEnumConstants()) {
                known.append(known.isEmpty() ? "" : ", ").append(value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new InvalidInputException(field, "problem.report.choice", field + " is one of " + known, field, known.toString());
        }
    }

    /** A day written YYYY-MM-DD, or null when blank; anything else is refused naming the field. */
    public static LocalDate day(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "problem.date.form", "a day is written as YYYY-MM-DD");
        }
    }

    static UUID id(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "problem.report.id", "an id is a UUID");
        }
    }
}

package org.opencps.tenancy;

import java.time.LocalDate;

/** What a customer may use: how many devices, on which plan, for which term. */
public record License(int deviceLimit, String plan, LocalDate termStart, LocalDate termEnd) {
}

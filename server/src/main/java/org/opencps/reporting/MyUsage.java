package org.opencps.reporting;

import java.util.List;
import org.opencps.printing.MyQuotas;

/**
 * A person's printing this month (UTC): their own quota and each group pool they share (from
 * printing), and their most recent printed jobs.
 */
public record MyUsage(String month, MyQuotas.Quota own, List<MyQuotas.Quota> groups, List<UsageRecord> recent) {
}

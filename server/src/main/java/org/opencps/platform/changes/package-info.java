/**
 * Events that tell the audit trail of a changed setting or a data export ({@link DataExported}),
 * first for modules it may not depend on (reporting is a listener like audit, and neither may use
 * the other), also for settings whose
 * audited form is best given as text (scanning's OAuth clients, whose secret shows only as "set"
 * or "changed"): the before and after as text, field by field, so audit records them without
 * knowing the module's types.
 */
@NamedInterface("changes")
package org.opencps.platform.changes;

import org.springframework.modulith.NamedInterface;

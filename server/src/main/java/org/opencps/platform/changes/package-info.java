/**
 * Events that tell the audit trail of a changed setting in a module it may not depend on
 * (reporting is a listener like audit, and neither may use the other): the before and after as
 * text, field by field, so audit records them without knowing the module's types.
 */
@NamedInterface("changes")
package org.opencps.platform.changes;

import org.springframework.modulith.NamedInterface;

/**
 * The audit trail. It only listens to other modules' events; nothing calls it. Printing's,
 * documents' and tenancy's changes are recorded after they commit ({@code
 * @ApplicationModuleListener}: the event registry keeps each event until it is recorded);
 * identity's and devices' changes still in the publishing transaction; refusals, whose requests
 * roll back, right after the request, whatever its outcome. This is the minimal trail of the
 * foundation; tamper evidence and SIEM export build on the same table.
 */
@ApplicationModule(allowedDependencies = {"tenancy", "identity", "documents", "printing", "devices", "platform :: *"})
package org.opencps.audit;

import org.springframework.modulith.ApplicationModule;

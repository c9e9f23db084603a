/**
 * The audit trail. It only listens to other modules' events; nothing calls it. This is the
 * minimal trail of the foundation; tamper evidence and SIEM export build on the same table.
 */
@ApplicationModule(allowedDependencies = {"access", "tenancy", "identity", "documents", "printing", "devices", "platform :: *"})
package org.opencps.audit;

import org.springframework.modulith.ApplicationModule;

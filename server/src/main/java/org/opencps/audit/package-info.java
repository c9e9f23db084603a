/**
 * The audit trail. It only listens to other modules' events; nothing calls it. This is the
 * minimal trail of the foundation; tamper evidence and SIEM export build on the same table.
 */
package org.opencps.audit;

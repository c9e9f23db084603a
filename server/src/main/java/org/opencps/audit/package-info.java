/**
 * The audit trail. It only listens to other modules' events; nothing calls it. An event that
 * tells of a change (a job printed, a member's roles, a device registered, a card added) is
 * recorded after the change committed, in a transaction of its own ({@code
 * @ApplicationModuleListener}): the event registry keeps each event until it is recorded, and a
 * delivery that failed is retried; a change that rolls back is never recorded. Each record is
 * written once per event however often it is delivered (its {@code eventId}). An event that tells
 * of a refusal or a check (a login that failed or succeeded, a lockout at a device, a refused
 * credential, throttling, misuse, an address outside the allow-list) is recorded once its
 * request's transaction ended, whatever its outcome, in a transaction of its own ({@code
 * WhateverTheOutcome}): the refused request rolls back, and the registry's record of the event
 * with it. This is the minimal trail of the foundation; tamper evidence and SIEM export build on
 * the same table.
 */
@ApplicationModule(allowedDependencies = {"access", "tenancy", "identity", "documents", "printing", "devices", "scanning", "platform :: *"})
package org.opencps.audit;

import org.springframework.modulith.ApplicationModule;

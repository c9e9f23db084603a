package org.opencps.audit.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A listener to a refusal or a login attempt: it runs once the transaction the event was
 * published in has ended, committed or rolled back (at once if there was none), on the
 * publisher's thread. A refused request rolls its transaction back, and the event registry's
 * record of the event with it, so such an event is not kept for retries: what the listener
 * records goes into a transaction of its own ({@link org.opencps.audit.internal.persistence.AuditLog#record}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
@interface WhateverTheOutcome {
}

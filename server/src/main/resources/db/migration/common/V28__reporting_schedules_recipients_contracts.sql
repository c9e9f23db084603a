-- Report recipients (PRODUCT.md §2): e-mail addresses that are not users. They receive reports
-- only after confirming a link once (its token stored hashed, single use, with an expiry), and
-- unsubscribing ends every mail.
CREATE TABLE reporting_recipient (
    org_id UUID NOT NULL,
    id UUID NOT NULL,
    email VARCHAR(320) NOT NULL,
    language VARCHAR(8) NOT NULL,
    status VARCHAR(16) NOT NULL,
    confirm_token_hash VARCHAR(64),
    confirm_expires_at TIMESTAMP WITH TIME ZONE,
    added_by UUID NOT NULL,
    added_at TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at TIMESTAMP WITH TIME ZONE,
    unsubscribed_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (org_id, id),
    CONSTRAINT reporting_recipient_email UNIQUE (org_id, email)
);
CREATE UNIQUE INDEX reporting_recipient_confirm ON reporting_recipient (confirm_token_hash);

-- Scheduled reports: a kind, a cadence in the organization's time zone, formats, and who gets it.
CREATE TABLE reporting_schedule (
    org_id UUID NOT NULL,
    id UUID NOT NULL,
    kind VARCHAR(40) NOT NULL,
    cadence VARCHAR(10) NOT NULL,
    formats VARCHAR(20) NOT NULL,
    language VARCHAR(8) NOT NULL,
    created_by UUID NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, id)
);

-- Each target is a member of the organization (user_id) or a report recipient (recipient_id).
CREATE TABLE reporting_schedule_target (
    org_id UUID NOT NULL,
    schedule_id UUID NOT NULL,
    user_id UUID,
    recipient_id UUID,
    CONSTRAINT reporting_schedule_target_one CHECK ((user_id IS NULL) <> (recipient_id IS NULL)),
    CONSTRAINT reporting_schedule_target_schedule FOREIGN KEY (org_id, schedule_id)
        REFERENCES reporting_schedule (org_id, id) ON DELETE CASCADE
);
CREATE INDEX reporting_schedule_target_by_schedule ON reporting_schedule_target (org_id, schedule_id);

-- One row per (schedule, period): the unique key lets exactly one server process claim a period.
-- It is SENDING while claimed (a claim older than the lease is taken over), then SENT.
CREATE TABLE reporting_schedule_run (
    org_id UUID NOT NULL,
    schedule_id UUID NOT NULL,
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    status VARCHAR(10) NOT NULL,
    claimed_by VARCHAR(40) NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (org_id, schedule_id, period_start),
    CONSTRAINT reporting_schedule_run_schedule FOREIGN KEY (org_id, schedule_id)
        REFERENCES reporting_schedule (org_id, id) ON DELETE CASCADE
);

-- Each address a period's report went to: a retried period skips those already served.
CREATE TABLE reporting_schedule_delivery (
    org_id UUID NOT NULL,
    schedule_id UUID NOT NULL,
    period_start DATE NOT NULL,
    address VARCHAR(320) NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, schedule_id, period_start, address),
    CONSTRAINT reporting_schedule_delivery_run FOREIGN KEY (org_id, schedule_id, period_start)
        REFERENCES reporting_schedule_run (org_id, schedule_id, period_start) ON DELETE CASCADE
);

-- Contract history: every license change of a customer, with who, when, before and after,
-- recorded from tenancy's LicenseChanged events (event_id keeps a redelivered event from counting twice).
CREATE TABLE reporting_license_change (
    org_id UUID NOT NULL,
    event_id UUID NOT NULL,
    parent_id UUID,
    changed_by UUID,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    before_device_limit INTEGER,
    before_plan VARCHAR(60),
    before_term_start DATE,
    before_term_end DATE,
    after_device_limit INTEGER NOT NULL,
    after_plan VARCHAR(60) NOT NULL,
    after_term_start DATE NOT NULL,
    after_term_end DATE NOT NULL,
    PRIMARY KEY (org_id, event_id)
);
CREATE INDEX reporting_license_change_time ON reporting_license_change (org_id, changed_at);

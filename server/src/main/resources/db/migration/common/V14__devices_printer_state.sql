-- What an IPP INFRA proxy says of its printer (Update-Output-Device-Attributes) feeds the same
-- status row as heartbeats. printer_state: the RFC 8011 printer-state it reported last (IDLE,
-- PROCESSING, STOPPED), kept so that an update carrying only some attributes can be merged; null
-- when the row came from a heartbeat. state_reasons: printer-state-reasons, comma-separated
-- keywords (at most 16 of at most 100 characters); null for none.
ALTER TABLE devices_heartbeat ADD COLUMN printer_state VARCHAR(10);
ALTER TABLE devices_heartbeat ADD COLUMN state_reasons VARCHAR(1700);

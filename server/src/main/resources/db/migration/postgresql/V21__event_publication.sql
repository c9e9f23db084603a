-- Spring Modulith's event publication registry (its v2 structure for PostgreSQL, as in
-- spring-modulith-events-jdbc 2.0.x, schemas/v2/schema-postgresql.sql): an event for an after-commit
-- listener is stored in the publishing transaction and stays here until that listener succeeded.
CREATE TABLE event_publication (
  id UUID NOT NULL,
  listener_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  serialized_event TEXT NOT NULL,
  publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date TIMESTAMP WITH TIME ZONE,
  status TEXT,
  completion_attempts INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

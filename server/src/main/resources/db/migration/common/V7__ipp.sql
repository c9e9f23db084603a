-- One IPP print queue per membership (a person in a customer organization). The queue id is in
-- the queue's URL; the optional secret URL is stored only as a SHA-256 of its 256-bit secret.
CREATE TABLE ipp_queue (
  org_id UUID NOT NULL,
  id UUID NOT NULL,
  user_id UUID NOT NULL,
  secret_hash VARCHAR(64),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  secret_rotated_at TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (org_id, id),
  CONSTRAINT ipp_queue_member UNIQUE (org_id, user_id),
  CONSTRAINT ipp_queue_id UNIQUE (id),
  CONSTRAINT ipp_queue_secret UNIQUE (secret_hash)
);

-- IPP job ids are small integers per queue; this maps them to print jobs. A row without a print
-- job is a Create-Job still waiting for its document (or one that ended without one).
CREATE TABLE ipp_job (
  org_id UUID NOT NULL,
  queue_id UUID NOT NULL,
  job_number INT NOT NULL,
  print_job_id UUID,
  state VARCHAR(16) NOT NULL,
  job_name VARCHAR(255) NOT NULL,
  copies INT NOT NULL,
  sides VARCHAR(32),
  color_mode VARCHAR(16),
  media VARCHAR(100),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  state_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, queue_id, job_number),
  FOREIGN KEY (org_id, queue_id) REFERENCES ipp_queue (org_id, id) ON DELETE CASCADE
);
CREATE INDEX ipp_job_created ON ipp_job (created_at);

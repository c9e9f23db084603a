-- Print jobs. document_id is null once the document has been deleted (cancel, expiry, completion).
CREATE TABLE printing_job (
  org_id UUID NOT NULL,
  id UUID NOT NULL,
  owner_id UUID NOT NULL,
  name VARCHAR(255) NOT NULL,
  format VARCHAR(20) NOT NULL,
  size BIGINT NOT NULL,
  pages INT NOT NULL,
  copies INT NOT NULL,
  sides VARCHAR(30) NOT NULL,
  color_mode VARCHAR(20) NOT NULL,
  media VARCHAR(100),
  source VARCHAR(20) NOT NULL,
  state VARCHAR(20) NOT NULL,
  submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  document_id UUID,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX printing_job_owner ON printing_job (org_id, owner_id, submitted_at);
CREATE INDEX printing_job_document ON printing_job (org_id, document_id);
CREATE INDEX printing_job_expiry ON printing_job (state, expires_at);

CREATE TABLE printing_settings (
  org_id UUID NOT NULL PRIMARY KEY,
  hold_jobs BOOLEAN NOT NULL
);

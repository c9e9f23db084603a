-- IPP INFRA (PWG 5100.18): a proxy or printer fetches the jobs released to a registered printer.
-- IPP job ids are small integers per printer; this maps them to print jobs and keeps what the
-- output device said about each: when it acknowledged (took) the job, its last reported state.
CREATE TABLE ipp_infra_job (
  org_id UUID NOT NULL,
  device_id UUID NOT NULL,
  job_number INT NOT NULL,
  print_job_id UUID NOT NULL,
  acknowledged_at TIMESTAMP WITH TIME ZONE,
  device_job_state INT,
  outcome_reported BOOLEAN DEFAULT FALSE NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, device_id, job_number),
  CONSTRAINT ipp_infra_job_print_job UNIQUE (org_id, device_id, print_job_id)
);
CREATE INDEX ipp_infra_job_created ON ipp_infra_job (created_at);

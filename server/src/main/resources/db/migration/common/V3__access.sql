CREATE TABLE access_custom_role (
  org_id UUID NOT NULL,
  id UUID NOT NULL,
  name VARCHAR(100) NOT NULL,
  permissions VARCHAR(2000) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, id),
  CONSTRAINT access_custom_role_name UNIQUE (org_id, name)
);

CREATE TABLE access_role_assignment (
  org_id UUID NOT NULL,
  user_id UUID NOT NULL,
  role VARCHAR(80) NOT NULL,
  granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, user_id, role)
);

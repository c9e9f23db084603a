ALTER TABLE tenancy_settings ADD COLUMN default_language VARCHAR(8) DEFAULT 'en' NOT NULL;

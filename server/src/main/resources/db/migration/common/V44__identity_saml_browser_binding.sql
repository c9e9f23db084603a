-- A pending SAML authentication request belongs to the browser that started it: the browser holds a random value
-- in a short-lived cookie, the request keeps its SHA-256. A response is accepted only when posted by a browser whose
-- cookie hashes to the request's value (login CSRF: an attacker cannot make a victim's browser finish a sign-in the
-- attacker started). Requests pending at the upgrade have no such value; they are dropped (they live ten minutes).
DELETE FROM identity_saml_request;
ALTER TABLE identity_saml_request ADD COLUMN browser_hash VARCHAR(64) NOT NULL;

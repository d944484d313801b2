-- lexcase schema 9: the conflict-search index of contacts (name blocking keys and
-- identifier keys) and the reverse index of affiliations. Both are rebuilt from the contacts
-- by the adapter when it finds them empty (see `conflict_index`).

CREATE TABLE contact_name_keys (
    key        TEXT NOT NULL,
    contact_id BLOB NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (key, contact_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX contact_name_keys_by_contact ON contact_name_keys (contact_id);

CREATE TABLE contact_affiliations (
    other_id   BLOB NOT NULL,
    contact_id BLOB NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    PRIMARY KEY (other_id, contact_id, kind)
) STRICT, WITHOUT ROWID;

CREATE INDEX contact_affiliations_by_contact ON contact_affiliations (contact_id);

-- Side tables rewritten per owner must be reachable by owner: without these, rewriting the
-- rows of one contact, calendar entry or bill scans the whole table.
CREATE INDEX contact_emails_by_contact ON contact_emails (contact_id);
CREATE INDEX appointment_users_by_appointment ON appointment_users (appointment_id);
CREATE INDEX bill_matters_by_bill ON bill_matters (bill_id);

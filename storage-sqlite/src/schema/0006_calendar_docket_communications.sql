-- lexcase schema 6: calendar entries, docketed deadlines, communications, and the contact
-- email index that files incoming mail.

CREATE TABLE appointments (
    id         BLOB PRIMARY KEY CHECK (length(id) = 16),
    version    INTEGER NOT NULL,
    matter_id  BLOB REFERENCES matters (id) ON DELETE CASCADE,
    -- Widened bounds of every occurrence (UTC text); last_end NULL = a series without end.
    first_start TEXT NOT NULL,
    last_end    TEXT,
    body       TEXT NOT NULL
) STRICT;

CREATE INDEX appointments_by_matter ON appointments (matter_id, first_start);

-- Who an entry concerns: its organiser and its user attendees.
CREATE TABLE appointment_users (
    appointment_id BLOB NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    user_id        BLOB NOT NULL,
    PRIMARY KEY (user_id, appointment_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE deadlines (
    id               BLOB PRIMARY KEY CHECK (length(id) = 16),
    version          INTEGER NOT NULL,
    matter_id        BLOB NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    open             INTEGER NOT NULL CHECK (open IN (0, 1)),
    due_date         TEXT,
    responsible      BLOB,
    trigger_key_date TEXT,
    trigger_deadline BLOB,
    entered_on       TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    body             TEXT NOT NULL
) STRICT;

CREATE INDEX deadlines_by_matter ON deadlines (matter_id, due_date);
CREATE INDEX deadlines_by_due ON deadlines (open, due_date);
CREATE INDEX deadlines_by_entered ON deadlines (entered_on, created_at);
CREATE INDEX deadlines_by_trigger_deadline ON deadlines (trigger_deadline)
    WHERE trigger_deadline IS NOT NULL;
CREATE INDEX deadlines_by_trigger_key_date ON deadlines (matter_id, trigger_key_date)
    WHERE trigger_key_date IS NOT NULL;

CREATE TABLE communications (
    id          BLOB PRIMARY KEY CHECK (length(id) = 16),
    version     INTEGER NOT NULL,
    matter_id   BLOB REFERENCES matters (id) ON DELETE CASCADE,
    occurred_at TEXT NOT NULL,
    message_id  TEXT UNIQUE,
    body        TEXT NOT NULL
) STRICT;

CREATE INDEX communications_by_matter ON communications (matter_id, occurred_at);

-- Every email address of every contact, lower-cased, for filing incoming mail.
CREATE TABLE contact_emails (
    email      TEXT NOT NULL,
    contact_id BLOB NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (email, contact_id)
) STRICT, WITHOUT ROWID;

INSERT OR IGNORE INTO contact_emails (email, contact_id)
SELECT lower(json_extract(e.value, '$.address')), c.id
FROM contacts c, json_each(c.body, '$.emails') e
WHERE json_extract(e.value, '$.address') IS NOT NULL;

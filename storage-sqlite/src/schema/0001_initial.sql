-- lexcase schema 1: firm settings, users, contacts, matters (with the side tables that the
-- list queries filter on), sequences and the hash-chained audit log.
-- Ids are 16-byte UUID blobs. Each aggregate is stored whole as JSON in `body`; the other
-- columns are copies kept for uniqueness, filters and ordering, written in the same statement.
-- Times are RFC 3339 UTC text with nine fraction digits, so text order is time order.

CREATE TABLE firm_settings (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    body    TEXT NOT NULL
) STRICT;

CREATE TABLE users (
    id      BLOB PRIMARY KEY CHECK (length(id) = 16),
    version INTEGER NOT NULL,
    email   TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL,
    body    TEXT NOT NULL
) STRICT;

CREATE INDEX users_by_name ON users (name COLLATE NOCASE, id);

CREATE TABLE contacts (
    id         BLOB PRIMARY KEY CHECK (length(id) = 16),
    version    INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    sort_name  TEXT NOT NULL,
    search_key TEXT NOT NULL,
    body       TEXT NOT NULL
) STRICT;

-- Covers the contact list: filter on kind and search key, order by sort name, count.
CREATE INDEX contacts_by_sort_name ON contacts (sort_name COLLATE NOCASE, id, kind, search_key);

CREATE TABLE matters (
    id                   BLOB PRIMARY KEY CHECK (length(id) = 16),
    version              INTEGER NOT NULL,
    number               TEXT NOT NULL UNIQUE,
    status               TEXT NOT NULL,
    practice_area_folded TEXT NOT NULL,
    search_text          TEXT NOT NULL,
    visibility           TEXT NOT NULL CHECK (visibility IN ('firm', 'team')),
    created_at           TEXT NOT NULL,
    body                 TEXT NOT NULL
) STRICT;

-- Covers the matter list: newest first, with the filtered columns.
CREATE INDEX matters_newest
    ON matters (created_at DESC, id DESC, status, visibility, practice_area_folded, search_text);
CREATE INDEX matters_by_status ON matters (status, created_at DESC, id DESC, visibility);

-- Responsible, originating and team users of each matter.
CREATE TABLE matter_members (
    matter_id BLOB NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    user_id   BLOB NOT NULL,
    PRIMARY KEY (matter_id, user_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX matter_members_by_user ON matter_members (user_id, matter_id);

-- Users behind an ethical wall on each matter.
CREATE TABLE matter_walls (
    matter_id BLOB NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    user_id   BLOB NOT NULL,
    PRIMARY KEY (matter_id, user_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX matter_walls_by_user ON matter_walls (user_id, matter_id);

-- Contacts on each matter, by party role.
CREATE TABLE matter_parties (
    matter_id  BLOB NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    contact_id BLOB NOT NULL,
    role       TEXT NOT NULL,
    PRIMARY KEY (matter_id, contact_id, role)
) STRICT, WITHOUT ROWID;

CREATE INDEX matter_parties_by_contact ON matter_parties (contact_id, role, matter_id);

-- Named gapless counters (matter numbers per prefix, later invoice numbers).
CREATE TABLE sequences (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    id          BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    at          TEXT NOT NULL,
    actor       BLOB NOT NULL,
    entity_kind TEXT NOT NULL,
    entity_id   BLOB NOT NULL,
    matter_id   BLOB,
    action      TEXT NOT NULL,
    changes     TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_by_entity ON audit_log (entity_id, seq);

-- The audit log is append-only; the hash chain detects tampering, these refuse accidents.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- The position and hash of the last event, so that a truncated tail is detected.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
) STRICT;

-- lexcase schema 7: time entries, expenses, and keyed single records (timers, billing terms,
-- the firm's billing settings).

CREATE TABLE time_entries (
    id          BLOB PRIMARY KEY CHECK (length(id) = 16),
    version     INTEGER NOT NULL,
    matter_id   BLOB NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    user_id     BLOB NOT NULL,
    work_date   TEXT NOT NULL,
    status      TEXT NOT NULL,
    bill_id     BLOB,
    recorded_at TEXT NOT NULL,
    body        TEXT NOT NULL
) STRICT;

CREATE INDEX time_entries_by_matter ON time_entries (matter_id, status, work_date);
CREATE INDEX time_entries_by_user ON time_entries (user_id, work_date);
CREATE INDEX time_entries_by_bill ON time_entries (bill_id) WHERE bill_id IS NOT NULL;

CREATE TABLE expenses (
    id          BLOB PRIMARY KEY CHECK (length(id) = 16),
    version     INTEGER NOT NULL,
    matter_id   BLOB NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    user_id     BLOB NOT NULL,
    work_date   TEXT NOT NULL,
    status      TEXT NOT NULL,
    bill_id     BLOB,
    recorded_at TEXT NOT NULL,
    body        TEXT NOT NULL
) STRICT;

CREATE INDEX expenses_by_matter ON expenses (matter_id, status, work_date);
CREATE INDEX expenses_by_bill ON expenses (bill_id) WHERE bill_id IS NOT NULL;

CREATE TABLE keyed_records (
    kind    TEXT NOT NULL,
    key     TEXT NOT NULL,
    version INTEGER NOT NULL,
    body    TEXT NOT NULL,
    PRIMARY KEY (kind, key)
) STRICT, WITHOUT ROWID;

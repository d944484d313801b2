-- lexcase schema 8: bills (invoices and credit notes), payments, and the append-only
-- client-money (trust) ledger.

CREATE TABLE bills (
    id          BLOB PRIMARY KEY CHECK (length(id) = 16),
    version     INTEGER NOT NULL,
    client_id   BLOB NOT NULL,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    number      TEXT UNIQUE,
    currency    TEXT NOT NULL,
    issued_on   TEXT,
    -- What an issued invoice still owes (decimal text), for aged debt without reading bodies.
    outstanding TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    body        TEXT NOT NULL
) STRICT;

CREATE INDEX bills_by_client ON bills (client_id, created_at);
CREATE INDEX bills_open ON bills (currency, issued_on) WHERE outstanding != '0';

CREATE TABLE bill_matters (
    bill_id   BLOB NOT NULL REFERENCES bills (id) ON DELETE CASCADE,
    matter_id BLOB NOT NULL,
    PRIMARY KEY (matter_id, bill_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE payments (
    id          BLOB PRIMARY KEY CHECK (length(id) = 16),
    version     INTEGER NOT NULL,
    client_id   BLOB NOT NULL,
    received_on TEXT NOT NULL,
    body        TEXT NOT NULL
) STRICT;

CREATE INDEX payments_by_client ON payments (client_id, received_on);

CREATE TABLE trust_entries (
    id          BLOB PRIMARY KEY CHECK (length(id) = 16),
    matter_id   BLOB NOT NULL REFERENCES matters (id),
    client_id   BLOB NOT NULL,
    entry_date  TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    body        TEXT NOT NULL
) STRICT;

CREATE INDEX trust_entries_by_matter ON trust_entries (matter_id, entry_date, recorded_at);
CREATE INDEX trust_entries_by_date ON trust_entries (entry_date, recorded_at);

-- Client money is never edited or deleted: corrections are reversing entries.
CREATE TRIGGER trust_entries_no_update BEFORE UPDATE ON trust_entries
BEGIN
    SELECT RAISE(ABORT, 'client-money entries are append-only');
END;

CREATE TRIGGER trust_entries_no_delete BEFORE DELETE ON trust_entries
BEGIN
    SELECT RAISE(ABORT, 'client-money entries are append-only');
END;

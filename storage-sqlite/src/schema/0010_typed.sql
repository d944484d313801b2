-- lexcase schema 10: every figure that is filtered, sorted, joined or summed is a typed column.
--
-- Ids are 16-byte UUID blobs. Dates are day numbers from 1970-01-01 and instants microseconds
-- from the Unix epoch (INTEGER), so ranges and ages are integer comparisons. Money that reports
-- sum is an INTEGER of millionths of the currency unit beside its currency; rates, quantities
-- and tax rates that are never summed are exact decimal text. Names of states and kinds are
-- their stable snake_case names. JSON is kept only for nested detail that nothing filters,
-- sorts or sums (a contact's addresses, a matter's status history, a deadline's trace); a few
-- rarely-changed records with nested structure (settings, templates, rule packs, calendar
-- entries, communications, documents, notes, tasks, deadlines, workflows) are JSON bodies with
-- typed key columns beside them, including every figure the compliance facts read (so a sweep
-- never parses a body). Those columns come before the body: a body that spills onto overflow
-- pages is then never read by a query of the columns alone.
--
-- A new database is created from this script alone; an older one is upgraded to it by
-- `upgrade`, which renames the old tables, runs this script and copies every row across.

CREATE TABLE firm_settings (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    body    TEXT NOT NULL
) STRICT;

CREATE TABLE users (
    id              BLOB PRIMARY KEY CHECK (length(id) = 16),
    version         INTEGER NOT NULL,
    name            TEXT NOT NULL,
    email           TEXT NOT NULL UNIQUE,
    role            TEXT NOT NULL,
    rate_currency   TEXT,
    default_rate    TEXT,
    timekeeper_code TEXT,
    active          INTEGER NOT NULL CHECK (active IN (0, 1)),
    created_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX users_by_name ON users (name COLLATE NOCASE, id);

CREATE TABLE contacts (
    id                   BLOB PRIMARY KEY CHECK (length(id) = 16),
    version              INTEGER NOT NULL,
    kind                 TEXT NOT NULL,
    title                TEXT,
    given_name           TEXT,
    family_name          TEXT,
    organisation_name    TEXT,
    details              TEXT NOT NULL,
    identity_status      TEXT NOT NULL,
    identity_checked_on  INTEGER,
    identity_method      TEXT,
    identity_recorded_by BLOB,
    identity_recorded_at INTEGER,
    created_at           INTEGER NOT NULL,
    -- Folded keys of the display name: the list sorts on the first, searches word prefixes
    -- of the second.
    sort_name            TEXT NOT NULL,
    search_key           TEXT NOT NULL
) STRICT;

CREATE INDEX contacts_by_sort_name ON contacts (sort_name COLLATE NOCASE, id, kind, search_key);

-- Every email address of every contact, lower-cased, for filing incoming mail.
CREATE TABLE contact_emails (
    email      TEXT NOT NULL,
    contact_id BLOB NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (email, contact_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX contact_emails_by_contact ON contact_emails (contact_id);

-- The conflict-search index: each contact under the keys of its name's index entry
-- (`lexcase::conflicts::index_name`: blocking keys and initials) and of its identifiers. Every
-- row keeps the display name, its normalised words, how many are significant and the bits of
-- the name's words other than the one the key comes from, so a search tests and scores its
-- candidates from this table alone, and can skip under a key the names with too many
-- significant words or whose other words have none of the bits it asks for.
CREATE TABLE contact_name_keys (
    key         TEXT NOT NULL,
    significant INTEGER NOT NULL,
    contact_id  BLOB NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    other_words INTEGER NOT NULL,
    tokens      TEXT NOT NULL,
    name        TEXT NOT NULL,
    PRIMARY KEY (key, significant, contact_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX contact_name_keys_by_contact ON contact_name_keys (contact_id);

-- How many rows of the index each key has, kept by the writers beside the index, so that a
-- search takes its most selective word first without counting.
CREATE TABLE contact_name_key_counts (
    key     TEXT PRIMARY KEY,
    entries INTEGER NOT NULL CHECK (entries >= 0)
) STRICT, WITHOUT ROWID;

-- Who names whom in an affiliation, read from the named side.
CREATE TABLE contact_affiliations (
    other_id   BLOB NOT NULL,
    contact_id BLOB NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    PRIMARY KEY (other_id, contact_id, kind)
) STRICT, WITHOUT ROWID;

CREATE INDEX contact_affiliations_by_contact ON contact_affiliations (contact_id);

CREATE TABLE matters (
    id                BLOB PRIMARY KEY CHECK (length(id) = 16),
    version           INTEGER NOT NULL,
    number            TEXT NOT NULL UNIQUE,
    title             TEXT NOT NULL,
    description       TEXT NOT NULL,
    practice_area     TEXT NOT NULL,
    practice_area_key TEXT NOT NULL,
    search_text       TEXT NOT NULL,
    status            TEXT NOT NULL,
    opened_on         INTEGER,
    closed_on         INTEGER,
    archived_on       INTEGER,
    status_history    TEXT NOT NULL,
    responsible       BLOB NOT NULL,
    originating       BLOB,
    billing_kind      TEXT NOT NULL,
    currency          TEXT NOT NULL,
    custom_fields     TEXT,
    key_dates         TEXT,
    visibility        TEXT NOT NULL CHECK (visibility IN ('firm', 'team')),
    created_by        BLOB NOT NULL,
    created_at        INTEGER NOT NULL
) STRICT;

-- The firm-wide matter list: newest first, with the filtered columns.
CREATE INDEX matters_newest
    ON matters (created_at DESC, id DESC, status, visibility, practice_area_key);
CREATE INDEX matters_by_status ON matters (status, created_at DESC, id DESC, visibility);
-- The few team-only matters: what a viewer outside their teams may not see.
CREATE INDEX matters_team_only ON matters (id) WHERE visibility = 'team';

CREATE TABLE matter_team (
    matter_id BLOB NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    user_id   BLOB NOT NULL,
    role      TEXT NOT NULL,
    PRIMARY KEY (matter_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE matter_parties (
    matter_id  BLOB NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    party_id   BLOB NOT NULL,
    contact_id BLOB NOT NULL,
    role       TEXT NOT NULL,
    acting_for BLOB,
    reference  TEXT,
    added_at   INTEGER NOT NULL,
    PRIMARY KEY (matter_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX matter_parties_by_contact ON matter_parties (contact_id, role, matter_id);

CREATE TABLE matter_walls (
    matter_id BLOB NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    user_id   BLOB NOT NULL,
    reason    TEXT NOT NULL,
    walled_by BLOB NOT NULL,
    walled_at INTEGER NOT NULL,
    PRIMARY KEY (matter_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX matter_walls_by_user ON matter_walls (user_id, matter_id);

-- The people on each matter (responsible, originating, team), with copies of the matter
-- columns a fee earner's lists filter and sort on: "my open employment matters, newest
-- first" and its count read this index alone.
CREATE TABLE matter_members (
    user_id           BLOB NOT NULL,
    matter_id         BLOB NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    status            TEXT NOT NULL,
    practice_area_key TEXT NOT NULL,
    visibility        TEXT NOT NULL,
    created_at        INTEGER NOT NULL,
    PRIMARY KEY (matter_id, user_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX matter_members_by_user
    ON matter_members (user_id, status, practice_area_key, created_at DESC, matter_id DESC,
                       visibility);
CREATE INDEX matter_members_newest
    ON matter_members (user_id, created_at DESC, matter_id DESC, status, visibility);

-- Named gapless counters (matter numbers per prefix, invoice numbers).
CREATE TABLE sequences (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- The audit log: one row per event. `changes` is the compact encoding the hash covers
-- (scheme 2), or the JSON of events written before schema 10 (scheme 1); `matters` is the
-- 16-byte ids of the matters an event concerns, side by side; `entity_kind` is a number
-- (lexcase_sql::audit::kind_code). The previous hash is not kept: it is the hash of the row
-- before.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    id          BLOB NOT NULL CHECK (length(id) = 16),
    at          INTEGER NOT NULL,
    actor       BLOB NOT NULL,
    entity_kind INTEGER NOT NULL,
    entity_id   BLOB NOT NULL,
    matters     BLOB,
    action      TEXT NOT NULL,
    scheme      INTEGER NOT NULL,
    changes     BLOB NOT NULL,
    hash        BLOB NOT NULL CHECK (length(hash) = 32)
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
    hash BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;

CREATE TABLE workflow_templates (
    id      TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version > 0),
    name    TEXT NOT NULL,
    body    TEXT NOT NULL,
    PRIMARY KEY (id, version)
) STRICT, WITHOUT ROWID;

-- One workflow per matter, pinned to a template version; the stage columns serve the
-- firm-wide stage counts and the "stuck in a stage" list.
CREATE TABLE matter_workflows (
    matter_id        BLOB PRIMARY KEY CHECK (length(matter_id) = 16)
                     REFERENCES matters (id) ON DELETE CASCADE,
    version          INTEGER NOT NULL,
    template_id      TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    stage            TEXT NOT NULL,
    stage_entered_on INTEGER NOT NULL,
    -- The ids of the checklist items done, as a JSON array in id order (the compliance facts).
    done_items       TEXT NOT NULL,
    body             TEXT NOT NULL,
    FOREIGN KEY (template_id, template_version) REFERENCES workflow_templates (id, version)
) STRICT;

CREATE INDEX matter_workflows_by_stage ON matter_workflows (template_id, stage, matter_id);
CREATE INDEX matter_workflows_by_entered ON matter_workflows (stage_entered_on, matter_id);

CREATE TABLE tasks (
    id              BLOB PRIMARY KEY CHECK (length(id) = 16),
    version         INTEGER NOT NULL,
    matter_id       BLOB REFERENCES matters (id) ON DELETE CASCADE,
    assignee_user   BLOB,
    open            INTEGER NOT NULL CHECK (open IN (0, 1)),
    due_date        INTEGER,
    priority_rank   INTEGER NOT NULL,
    anchor_task     BLOB,
    anchor_key_date TEXT,
    created_at      INTEGER NOT NULL,
    body            TEXT NOT NULL
) STRICT;

CREATE INDEX tasks_by_matter ON tasks (matter_id, created_at, id);
CREATE INDEX tasks_by_assignee ON tasks (assignee_user, open, due_date);
CREATE INDEX tasks_by_due ON tasks (open, due_date, priority_rank, created_at, id);
CREATE INDEX tasks_by_anchor_task ON tasks (anchor_task) WHERE anchor_task IS NOT NULL;
CREATE INDEX tasks_by_anchor_key_date ON tasks (matter_id, anchor_key_date)
    WHERE anchor_key_date IS NOT NULL;

CREATE TABLE notes (
    id         BLOB PRIMARY KEY CHECK (length(id) = 16),
    version    INTEGER NOT NULL,
    matter_id  BLOB REFERENCES matters (id) ON DELETE CASCADE,
    contact_id BLOB REFERENCES contacts (id) ON DELETE CASCADE,
    written_at INTEGER NOT NULL,
    body       TEXT NOT NULL,
    CHECK ((matter_id IS NULL) <> (contact_id IS NULL))
) STRICT;

CREATE INDEX notes_by_matter ON notes (matter_id, written_at) WHERE matter_id IS NOT NULL;
CREATE INDEX notes_by_contact ON notes (contact_id, written_at) WHERE contact_id IS NOT NULL;

-- The current text of each note; rowid = notes.rowid. Folded (lower case, no accents) by the
-- unicode61 tokenizer.
CREATE VIRTUAL TABLE notes_text USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE documents (
    id             BLOB PRIMARY KEY CHECK (length(id) = 16),
    version        INTEGER NOT NULL,
    matter_id      BLOB NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    updated_at     INTEGER NOT NULL,
    category       TEXT NOT NULL,
    status         TEXT NOT NULL,
    -- When the first version was filed (NULL without a version).
    first_filed_at INTEGER,
    body           TEXT NOT NULL
) STRICT;

CREATE INDEX documents_by_matter ON documents (matter_id, updated_at);
-- The compliance facts count a matter's documents per category from this index alone.
CREATE INDEX documents_by_category
    ON documents (matter_id, category, status, first_filed_at);

-- The text the caller supplied for each document's latest version.
CREATE VIRTUAL TABLE documents_text USING fts5 (
    document_id UNINDEXED,
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE appointments (
    id          BLOB PRIMARY KEY CHECK (length(id) = 16),
    version     INTEGER NOT NULL,
    matter_id   BLOB REFERENCES matters (id) ON DELETE CASCADE,
    -- Widened bounds of every occurrence; last_end NULL = a series without end.
    first_start INTEGER NOT NULL,
    last_end    INTEGER,
    body        TEXT NOT NULL
) STRICT;

CREATE INDEX appointments_by_matter ON appointments (matter_id, first_start);

-- Who an entry concerns: its organiser and its user attendees.
CREATE TABLE appointment_users (
    appointment_id BLOB NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    user_id        BLOB NOT NULL,
    PRIMARY KEY (user_id, appointment_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX appointment_users_by_appointment ON appointment_users (appointment_id);

CREATE TABLE deadlines (
    id               BLOB PRIMARY KEY CHECK (length(id) = 16),
    version          INTEGER NOT NULL,
    matter_id        BLOB NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    open             INTEGER NOT NULL CHECK (open IN (0, 1)),
    due_date         INTEGER,
    responsible      BLOB,
    trigger_key_date TEXT,
    trigger_deadline BLOB,
    entered_on       INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    -- What the compliance facts read of a deadline: its title, rule, counting method and
    -- number of reminders.
    title            TEXT NOT NULL,
    rule_id          TEXT NOT NULL,
    counting_method  TEXT NOT NULL,
    reminders        INTEGER NOT NULL,
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
    occurred_at INTEGER NOT NULL,
    message_id  TEXT UNIQUE,
    body        TEXT NOT NULL
) STRICT;

CREATE INDEX communications_by_matter ON communications (matter_id, occurred_at);

CREATE TABLE time_entries (
    id                   BLOB PRIMARY KEY CHECK (length(id) = 16),
    version              INTEGER NOT NULL,
    matter_id            BLOB NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    user_id              BLOB NOT NULL,
    work_date            INTEGER NOT NULL,
    status               TEXT NOT NULL,
    seconds              INTEGER NOT NULL,
    narrative            TEXT NOT NULL,
    task_code            TEXT,
    activity_code        TEXT,
    billability          TEXT NOT NULL,
    currency             TEXT NOT NULL,
    rate                 TEXT NOT NULL,
    rate_source          TEXT NOT NULL,
    rounding_increment   INTEGER NOT NULL,
    rounding_mode        TEXT NOT NULL,
    rounding_minimum     INTEGER NOT NULL,
    rounding_aggregation TEXT NOT NULL,
    bill_id              BLOB,
    source_kind          TEXT NOT NULL,
    source_id            BLOB,
    recorded_by          BLOB NOT NULL,
    recorded_at          INTEGER NOT NULL,
    -- The time charged under the entry's own policy, and its value in millionths.
    chargeable_seconds   INTEGER NOT NULL,
    value                INTEGER NOT NULL
) STRICT;

-- A matter's work by day; a fee earner's by day (hours); a bill's; and the unbilled work
-- alone, by matter and day, with every figure work in progress sums: drafting a bill reads
-- a matter's unbilled work from it, the WIP report reads nothing else, and moving work onto a
-- bill touches no index keyed by its state but this one.
CREATE INDEX time_entries_by_matter ON time_entries (matter_id, work_date);
CREATE INDEX time_entries_by_user ON time_entries (user_id, work_date);
CREATE INDEX time_entries_by_bill ON time_entries (bill_id) WHERE bill_id IS NOT NULL;
CREATE INDEX time_entries_unbilled
    ON time_entries (matter_id, work_date, user_id, billability, currency, seconds, value)
    WHERE status = 'unbilled';

CREATE TABLE expenses (
    id           BLOB PRIMARY KEY CHECK (length(id) = 16),
    version      INTEGER NOT NULL,
    matter_id    BLOB NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    user_id      BLOB NOT NULL,
    work_date    INTEGER NOT NULL,
    status       TEXT NOT NULL,
    description  TEXT NOT NULL,
    quantity     TEXT NOT NULL,
    currency     TEXT NOT NULL,
    unit_cost    TEXT NOT NULL,
    expense_code TEXT,
    vendor       TEXT NOT NULL,
    receipt_id   BLOB,
    tax          TEXT NOT NULL,
    billable     INTEGER NOT NULL CHECK (billable IN (0, 1)),
    bill_id      BLOB,
    recorded_at  INTEGER NOT NULL,
    -- quantity × unit cost in millionths.
    amount       INTEGER NOT NULL
) STRICT;

CREATE INDEX expenses_by_matter ON expenses (matter_id, status, work_date);
CREATE INDEX expenses_by_bill ON expenses (bill_id) WHERE bill_id IS NOT NULL;

-- Single records by kind and key: timers, billing terms, billing settings, reconciliations,
-- rule overrides, rule packs, conflict checks.
CREATE TABLE keyed_records (
    kind    TEXT NOT NULL,
    key     TEXT NOT NULL,
    version INTEGER NOT NULL,
    body    TEXT NOT NULL,
    PRIMARY KEY (kind, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE bills (
    id             BLOB PRIMARY KEY CHECK (length(id) = 16),
    version        INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    number         TEXT UNIQUE,
    client_id      BLOB NOT NULL,
    period_from    INTEGER NOT NULL,
    period_to      INTEGER NOT NULL,
    currency       TEXT NOT NULL,
    arrangement    TEXT NOT NULL,
    covered_time   TEXT,
    discount_kind  TEXT,
    discount_value TEXT,
    tax_name       TEXT NOT NULL,
    tax_rate       TEXT NOT NULL,
    gross          INTEGER NOT NULL,
    discount       INTEGER NOT NULL,
    net            INTEGER NOT NULL,
    tax            INTEGER NOT NULL,
    total          INTEGER NOT NULL,
    status         TEXT NOT NULL,
    credits        BLOB,
    description    TEXT NOT NULL,
    issued_on      INTEGER,
    due_on         INTEGER,
    paid           INTEGER NOT NULL,
    credited       INTEGER NOT NULL,
    written_off    INTEGER NOT NULL,
    -- What an issued invoice still owes.
    outstanding    INTEGER NOT NULL,
    void_reason    TEXT,
    created_by     BLOB NOT NULL,
    created_at     INTEGER NOT NULL,
    issued_by      BLOB
) STRICT;

CREATE INDEX bills_by_client ON bills (client_id, created_at);
CREATE INDEX bills_newest ON bills (created_at DESC, id DESC);
-- Aged debt reads the open invoices alone.
CREATE INDEX bills_open ON bills (currency, issued_on, outstanding) WHERE outstanding != 0;

CREATE TABLE bill_matters (
    bill_id   BLOB NOT NULL REFERENCES bills (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    matter_id BLOB NOT NULL,
    PRIMARY KEY (bill_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX bill_matters_by_matter ON bill_matters (matter_id, bill_id);

CREATE TABLE bill_lines (
    bill_id        BLOB NOT NULL REFERENCES bills (id) ON DELETE CASCADE,
    line_number    INTEGER NOT NULL,
    currency       TEXT NOT NULL,
    kind           TEXT NOT NULL,
    matter_id      BLOB NOT NULL,
    work_date      INTEGER NOT NULL,
    description    TEXT NOT NULL,
    quantity       TEXT NOT NULL,
    unit_price     TEXT NOT NULL,
    discount_kind  TEXT,
    discount_value TEXT,
    taxable        INTEGER NOT NULL CHECK (taxable IN (0, 1)),
    time_entry_id  BLOB,
    expense_id     BLOB,
    user_id        BLOB,
    task_code      TEXT,
    activity_code  TEXT,
    expense_code   TEXT,
    gross          INTEGER NOT NULL,
    discount       INTEGER NOT NULL,
    bill_discount  INTEGER NOT NULL,
    net            INTEGER NOT NULL,
    tax            INTEGER NOT NULL,
    total          INTEGER NOT NULL,
    PRIMARY KEY (bill_id, line_number)
) STRICT, WITHOUT ROWID;

CREATE TABLE payments (
    id          BLOB PRIMARY KEY CHECK (length(id) = 16),
    version     INTEGER NOT NULL,
    client_id   BLOB NOT NULL,
    received_on INTEGER NOT NULL,
    currency    TEXT NOT NULL,
    amount      INTEGER NOT NULL,
    method      TEXT NOT NULL,
    reference   TEXT NOT NULL,
    recorded_by BLOB NOT NULL,
    recorded_at INTEGER NOT NULL
) STRICT;

CREATE INDEX payments_by_client ON payments (client_id, received_on);

CREATE TABLE payment_allocations (
    payment_id BLOB NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    bill_id    BLOB NOT NULL,
    currency   TEXT NOT NULL,
    amount     INTEGER NOT NULL,
    PRIMARY KEY (payment_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX payment_allocations_by_bill ON payment_allocations (bill_id);

CREATE TABLE client_money_entries (
    id              BLOB PRIMARY KEY CHECK (length(id) = 16),
    version         INTEGER NOT NULL,
    matter_id       BLOB NOT NULL REFERENCES matters (id),
    client_id       BLOB NOT NULL,
    kind            TEXT NOT NULL,
    currency        TEXT NOT NULL,
    amount          INTEGER NOT NULL,
    entry_date      INTEGER NOT NULL,
    reference       TEXT NOT NULL,
    counterparty    TEXT NOT NULL,
    description     TEXT NOT NULL,
    bill_id         BLOB,
    reverses        BLOB,
    override_reason TEXT,
    recorded_by     BLOB NOT NULL,
    recorded_at     INTEGER NOT NULL,
    -- The entry's effect on the client's balance in millionths: + receipt, − payment out or
    -- transfer to office, and a reversal the negation of what it reverses.
    signed_amount   INTEGER NOT NULL
) STRICT;

CREATE INDEX client_money_by_matter ON client_money_entries (matter_id, entry_date, recorded_at);
CREATE INDEX client_money_by_date ON client_money_entries (entry_date, recorded_at);

-- Client money is never edited or deleted: corrections are reversing entries.
CREATE TRIGGER client_money_no_update BEFORE UPDATE ON client_money_entries
BEGIN
    SELECT RAISE(ABORT, 'client-money entries are append-only');
END;

CREATE TRIGGER client_money_no_delete BEFORE DELETE ON client_money_entries
BEGIN
    SELECT RAISE(ABORT, 'client-money entries are append-only');
END;

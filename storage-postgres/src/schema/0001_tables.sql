-- lexcase PostgreSQL schema 1: the tables of every firm, side by side in one schema.
--
-- Every table carries the firm's id first, in its primary key, in every unique constraint and
-- foreign key, and at the head of every index, so that a firm's rows are found by its id alone
-- and Citus can shard every table by `firm_id` (row-based sharding, all tables colocated).
--
-- The columns are those of the SQLite store (the records of `lexcase-sql`) with their typed
-- PostgreSQL counterparts: ids `uuid`, calendar dates `date`, instants `timestamptz`
-- (microseconds), exact decimals that are never summed `numeric`, money that reports sum
-- `bigint` millionths of the currency unit (so `sum()` is exact), flags `boolean`, JSON detail
-- and bodies `text`. Text that lists sort or compare by order is `COLLATE "C"`: byte order, and
-- `lower()` folds ASCII only, exactly as SQLite's `COLLATE NOCASE` does.
--
-- Full-text search keeps a `tsvector` beside the text it indexes, built by the store from the
-- text folded by `lexcase::text::fold` (case, accents and punctuation ignored), so matching is
-- the same whatever the server's locale and needs no extension.

-- The firms kept in this schema. Creating a firm is inserting its row; a write transaction
-- locks it (FOR NO KEY UPDATE) so that one firm's writers take turns.
CREATE TABLE firms (
    firm_id    uuid PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE firm_settings (
    firm_id uuid PRIMARY KEY REFERENCES firms (firm_id) ON DELETE CASCADE,
    version bigint NOT NULL,
    body    text NOT NULL
);

CREATE TABLE users (
    firm_id         uuid NOT NULL,
    id              uuid NOT NULL,
    version         bigint NOT NULL,
    name            text COLLATE "C" NOT NULL,
    email           text NOT NULL,
    role            text NOT NULL,
    rate_currency   text,
    default_rate    numeric,
    timekeeper_code text,
    active          boolean NOT NULL,
    created_at      timestamptz NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (firm_id, id),
    CONSTRAINT users_email UNIQUE (firm_id, email)
);

CREATE INDEX users_by_name ON users (firm_id, lower(name), id);

CREATE TABLE contacts (
    firm_id              uuid NOT NULL,
    id                   uuid NOT NULL,
    version              bigint NOT NULL,
    kind                 text NOT NULL,
    title                text,
    given_name           text,
    family_name          text,
    organisation_name    text,
    details              text NOT NULL,
    identity_status      text NOT NULL,
    identity_checked_on  date,
    identity_method      text,
    identity_recorded_by uuid,
    identity_recorded_at timestamptz,
    created_at           timestamptz NOT NULL,
    sort_name            text COLLATE "C" NOT NULL,
    search_key           text COLLATE "C" NOT NULL,
    CONSTRAINT contacts_pkey PRIMARY KEY (firm_id, id)
);

CREATE INDEX contacts_by_sort_name ON contacts (firm_id, lower(sort_name), id);

CREATE TABLE contact_emails (
    firm_id    uuid NOT NULL,
    email      text NOT NULL,
    contact_id uuid NOT NULL,
    PRIMARY KEY (firm_id, email, contact_id),
    FOREIGN KEY (firm_id, contact_id) REFERENCES contacts (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX contact_emails_by_contact ON contact_emails (firm_id, contact_id);

-- The conflict-search index: each contact under the keys of its name's index entry
-- (`lexcase::conflicts::index_name`: blocking keys and initials) and of its identifiers. Every
-- row keeps the display name, its normalised words, how many are significant and the bits of
-- the name's words other than the one the key comes from, so a search tests and scores its
-- candidates from this table alone. Keys sort byte by byte (COLLATE "C"), so a family of keys
-- is one range of the primary key.
CREATE TABLE contact_name_keys (
    firm_id     uuid NOT NULL,
    key         text COLLATE "C" NOT NULL,
    significant integer NOT NULL,
    contact_id  uuid NOT NULL,
    other_words bigint NOT NULL,
    tokens      text NOT NULL,
    name        text NOT NULL,
    PRIMARY KEY (firm_id, key, significant, contact_id),
    FOREIGN KEY (firm_id, contact_id) REFERENCES contacts (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX contact_name_keys_by_contact ON contact_name_keys (firm_id, contact_id);

-- How many rows of the index each key (and each family of keys) has, kept by the writers, so
-- that a search takes its most selective word first without counting.
CREATE TABLE contact_name_key_counts (
    firm_id uuid NOT NULL,
    key     text COLLATE "C" NOT NULL,
    entries bigint NOT NULL CHECK (entries >= 0),
    PRIMARY KEY (firm_id, key),
    FOREIGN KEY (firm_id) REFERENCES firms (firm_id) ON DELETE CASCADE
);

CREATE TABLE contact_affiliations (
    firm_id    uuid NOT NULL,
    other_id   uuid NOT NULL,
    contact_id uuid NOT NULL,
    kind       text NOT NULL,
    PRIMARY KEY (firm_id, other_id, contact_id, kind),
    FOREIGN KEY (firm_id, contact_id) REFERENCES contacts (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX contact_affiliations_by_contact ON contact_affiliations (firm_id, contact_id);

CREATE TABLE matters (
    firm_id           uuid NOT NULL,
    id                uuid NOT NULL,
    version           bigint NOT NULL,
    number            text NOT NULL,
    title             text NOT NULL,
    description       text NOT NULL,
    practice_area     text NOT NULL,
    practice_area_key text NOT NULL,
    search_text       text NOT NULL,
    status            text NOT NULL,
    opened_on         date,
    closed_on         date,
    archived_on       date,
    status_history    text NOT NULL,
    responsible       uuid NOT NULL,
    originating       uuid,
    billing_kind      text NOT NULL,
    currency          text NOT NULL,
    custom_fields     text,
    key_dates         text,
    visibility        text NOT NULL CHECK (visibility IN ('firm', 'team')),
    created_by        uuid NOT NULL,
    created_at        timestamptz NOT NULL,
    CONSTRAINT matters_pkey PRIMARY KEY (firm_id, id),
    CONSTRAINT matters_number UNIQUE (firm_id, number)
);

CREATE INDEX matters_newest ON matters (firm_id, created_at DESC, id DESC);
CREATE INDEX matters_by_status ON matters (firm_id, status, created_at DESC, id DESC);
CREATE INDEX matters_team_only ON matters (firm_id, id) WHERE visibility = 'team';

CREATE TABLE matter_team (
    firm_id   uuid NOT NULL,
    matter_id uuid NOT NULL,
    position  bigint NOT NULL,
    user_id   uuid NOT NULL,
    role      text NOT NULL,
    PRIMARY KEY (firm_id, matter_id, position),
    FOREIGN KEY (firm_id, matter_id) REFERENCES matters (firm_id, id) ON DELETE CASCADE
);

CREATE TABLE matter_parties (
    firm_id    uuid NOT NULL,
    matter_id  uuid NOT NULL,
    position   bigint NOT NULL,
    party_id   uuid NOT NULL,
    contact_id uuid NOT NULL,
    role       text COLLATE "C" NOT NULL,
    acting_for uuid,
    reference  text,
    added_at   timestamptz NOT NULL,
    PRIMARY KEY (firm_id, matter_id, position),
    FOREIGN KEY (firm_id, matter_id) REFERENCES matters (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX matter_parties_by_contact ON matter_parties (firm_id, contact_id, role, matter_id);

CREATE TABLE matter_walls (
    firm_id   uuid NOT NULL,
    matter_id uuid NOT NULL,
    position  bigint NOT NULL,
    user_id   uuid NOT NULL,
    reason    text NOT NULL,
    walled_by uuid NOT NULL,
    walled_at timestamptz NOT NULL,
    PRIMARY KEY (firm_id, matter_id, position),
    FOREIGN KEY (firm_id, matter_id) REFERENCES matters (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX matter_walls_by_user ON matter_walls (firm_id, user_id, matter_id);

-- The people on each matter (responsible, originating, team) with copies of the matter columns
-- a fee earner's lists filter and sort on.
CREATE TABLE matter_members (
    firm_id           uuid NOT NULL,
    user_id           uuid NOT NULL,
    matter_id         uuid NOT NULL,
    status            text NOT NULL,
    practice_area_key text NOT NULL,
    visibility        text NOT NULL,
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (firm_id, matter_id, user_id),
    FOREIGN KEY (firm_id, matter_id) REFERENCES matters (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX matter_members_by_user
    ON matter_members (firm_id, user_id, status, practice_area_key, created_at DESC,
                       matter_id DESC);
CREATE INDEX matter_members_newest
    ON matter_members (firm_id, user_id, created_at DESC, matter_id DESC);

-- Named gapless counters (matter numbers per prefix, invoice numbers).
CREATE TABLE sequences (
    firm_id uuid NOT NULL,
    key     text NOT NULL,
    value   bigint NOT NULL,
    PRIMARY KEY (firm_id, key)
);

-- The audit log of each firm: one row per event, numbered from 1 per firm. Append-only: the
-- application role may only select and insert, and row security has no update or delete policy.
CREATE TABLE audit_log (
    firm_id     uuid NOT NULL,
    seq         bigint NOT NULL,
    id          uuid NOT NULL,
    at          timestamptz NOT NULL,
    actor       uuid NOT NULL,
    entity_kind bigint NOT NULL,
    entity_id   uuid NOT NULL,
    matters     bytea,
    action      text NOT NULL,
    scheme      bigint NOT NULL,
    changes     bytea NOT NULL,
    hash        bytea NOT NULL CHECK (length(hash) = 32),
    CONSTRAINT audit_log_pkey PRIMARY KEY (firm_id, seq)
);

CREATE INDEX audit_log_by_entity ON audit_log (firm_id, entity_id, seq);

-- The position and hash of each firm's last event, so that a truncated tail is detected.
CREATE TABLE audit_head (
    firm_id uuid PRIMARY KEY REFERENCES firms (firm_id) ON DELETE CASCADE,
    seq     bigint NOT NULL,
    hash    bytea NOT NULL CHECK (length(hash) = 32)
);

CREATE TABLE workflow_templates (
    firm_id uuid NOT NULL,
    id      text COLLATE "C" NOT NULL,
    version bigint NOT NULL CHECK (version > 0),
    name    text NOT NULL,
    body    text NOT NULL,
    CONSTRAINT workflow_templates_pkey PRIMARY KEY (firm_id, id, version)
);

CREATE TABLE matter_workflows (
    firm_id          uuid NOT NULL,
    matter_id        uuid NOT NULL,
    version          bigint NOT NULL,
    template_id      text COLLATE "C" NOT NULL,
    template_version bigint NOT NULL,
    stage            text COLLATE "C" NOT NULL,
    stage_entered_on date NOT NULL,
    done_items       text NOT NULL,
    body             text NOT NULL,
    CONSTRAINT matter_workflows_pkey PRIMARY KEY (firm_id, matter_id),
    FOREIGN KEY (firm_id, matter_id) REFERENCES matters (firm_id, id) ON DELETE CASCADE,
    FOREIGN KEY (firm_id, template_id, template_version)
        REFERENCES workflow_templates (firm_id, id, version)
);

CREATE INDEX matter_workflows_by_stage ON matter_workflows (firm_id, template_id, stage, matter_id);
CREATE INDEX matter_workflows_by_entered ON matter_workflows (firm_id, stage_entered_on, matter_id);

CREATE TABLE tasks (
    firm_id         uuid NOT NULL,
    id              uuid NOT NULL,
    version         bigint NOT NULL,
    matter_id       uuid,
    assignee_user   uuid,
    open            boolean NOT NULL,
    due_date        date,
    priority_rank   bigint NOT NULL,
    anchor_task     uuid,
    anchor_key_date text,
    created_at      timestamptz NOT NULL,
    body            text NOT NULL,
    CONSTRAINT tasks_pkey PRIMARY KEY (firm_id, id),
    FOREIGN KEY (firm_id, matter_id) REFERENCES matters (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX tasks_by_matter ON tasks (firm_id, matter_id, created_at, id);
CREATE INDEX tasks_by_assignee ON tasks (firm_id, assignee_user, open, due_date);
CREATE INDEX tasks_by_due ON tasks (firm_id, open, due_date, priority_rank, created_at, id);
CREATE INDEX tasks_by_anchor_task ON tasks (firm_id, anchor_task) WHERE anchor_task IS NOT NULL;
CREATE INDEX tasks_by_anchor_key_date ON tasks (firm_id, matter_id, anchor_key_date)
    WHERE anchor_key_date IS NOT NULL;

CREATE TABLE notes (
    firm_id    uuid NOT NULL,
    id         uuid NOT NULL,
    version    bigint NOT NULL,
    matter_id  uuid,
    contact_id uuid,
    written_at timestamptz NOT NULL,
    -- The folded words of the current text.
    words      tsvector NOT NULL,
    body       text NOT NULL,
    CONSTRAINT notes_pkey PRIMARY KEY (firm_id, id),
    FOREIGN KEY (firm_id, matter_id) REFERENCES matters (firm_id, id) ON DELETE CASCADE,
    FOREIGN KEY (firm_id, contact_id) REFERENCES contacts (firm_id, id) ON DELETE CASCADE,
    CHECK ((matter_id IS NULL) <> (contact_id IS NULL))
);

CREATE INDEX notes_by_matter ON notes (firm_id, matter_id, written_at) WHERE matter_id IS NOT NULL;
CREATE INDEX notes_by_contact ON notes (firm_id, contact_id, written_at)
    WHERE contact_id IS NOT NULL;
CREATE INDEX notes_words ON notes USING gin (words);

CREATE TABLE documents (
    firm_id        uuid NOT NULL,
    id             uuid NOT NULL,
    version        bigint NOT NULL,
    matter_id      uuid NOT NULL,
    updated_at     timestamptz NOT NULL,
    category       text NOT NULL,
    status         text NOT NULL,
    first_filed_at timestamptz,
    -- The folded words of the text supplied for the latest version (NULL: none).
    words          tsvector,
    body           text NOT NULL,
    CONSTRAINT documents_pkey PRIMARY KEY (firm_id, id),
    FOREIGN KEY (firm_id, matter_id) REFERENCES matters (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX documents_by_matter ON documents (firm_id, matter_id, updated_at);
CREATE INDEX documents_by_category
    ON documents (firm_id, matter_id, category, status, first_filed_at);
CREATE INDEX documents_words ON documents USING gin (words) WHERE words IS NOT NULL;

CREATE TABLE appointments (
    firm_id     uuid NOT NULL,
    id          uuid NOT NULL,
    version     bigint NOT NULL,
    matter_id   uuid,
    first_start timestamptz NOT NULL,
    last_end    timestamptz,
    body        text NOT NULL,
    CONSTRAINT appointments_pkey PRIMARY KEY (firm_id, id),
    FOREIGN KEY (firm_id, matter_id) REFERENCES matters (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX appointments_by_matter ON appointments (firm_id, matter_id, first_start);

CREATE TABLE appointment_users (
    firm_id        uuid NOT NULL,
    appointment_id uuid NOT NULL,
    user_id        uuid NOT NULL,
    PRIMARY KEY (firm_id, user_id, appointment_id),
    FOREIGN KEY (firm_id, appointment_id) REFERENCES appointments (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX appointment_users_by_appointment ON appointment_users (firm_id, appointment_id);

CREATE TABLE deadlines (
    firm_id          uuid NOT NULL,
    id               uuid NOT NULL,
    version          bigint NOT NULL,
    matter_id        uuid NOT NULL,
    open             boolean NOT NULL,
    due_date         date,
    responsible      uuid,
    trigger_key_date text,
    trigger_deadline uuid,
    entered_on       date NOT NULL,
    created_at       timestamptz NOT NULL,
    title            text NOT NULL,
    rule_id          text NOT NULL,
    counting_method  text NOT NULL,
    reminders        bigint NOT NULL,
    body             text NOT NULL,
    CONSTRAINT deadlines_pkey PRIMARY KEY (firm_id, id),
    FOREIGN KEY (firm_id, matter_id) REFERENCES matters (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX deadlines_by_matter ON deadlines (firm_id, matter_id, due_date);
CREATE INDEX deadlines_by_due ON deadlines (firm_id, open, due_date);
CREATE INDEX deadlines_by_entered ON deadlines (firm_id, entered_on, created_at);
CREATE INDEX deadlines_by_trigger_deadline ON deadlines (firm_id, trigger_deadline)
    WHERE trigger_deadline IS NOT NULL;
CREATE INDEX deadlines_by_trigger_key_date ON deadlines (firm_id, matter_id, trigger_key_date)
    WHERE trigger_key_date IS NOT NULL;

CREATE TABLE communications (
    firm_id     uuid NOT NULL,
    id          uuid NOT NULL,
    version     bigint NOT NULL,
    matter_id   uuid,
    occurred_at timestamptz NOT NULL,
    message_id  text,
    body        text NOT NULL,
    CONSTRAINT communications_pkey PRIMARY KEY (firm_id, id),
    CONSTRAINT communications_message_id UNIQUE (firm_id, message_id),
    FOREIGN KEY (firm_id, matter_id) REFERENCES matters (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX communications_by_matter ON communications (firm_id, matter_id, occurred_at);

CREATE TABLE time_entries (
    firm_id              uuid NOT NULL,
    id                   uuid NOT NULL,
    version              bigint NOT NULL,
    matter_id            uuid NOT NULL,
    user_id              uuid NOT NULL,
    work_date            date NOT NULL,
    status               text NOT NULL,
    seconds              bigint NOT NULL,
    narrative            text NOT NULL,
    task_code            text,
    activity_code        text,
    billability          text NOT NULL,
    currency             text NOT NULL,
    rate                 numeric NOT NULL,
    rate_source          text NOT NULL,
    rounding_increment   bigint NOT NULL,
    rounding_mode        text NOT NULL,
    rounding_minimum     bigint NOT NULL,
    rounding_aggregation text NOT NULL,
    bill_id              uuid,
    source_kind          text NOT NULL,
    source_id            uuid,
    recorded_by          uuid NOT NULL,
    recorded_at          timestamptz NOT NULL,
    -- The time charged under the entry's own policy, and its value in millionths.
    chargeable_seconds   bigint NOT NULL,
    value                bigint NOT NULL,
    CONSTRAINT time_entries_pkey PRIMARY KEY (firm_id, id),
    FOREIGN KEY (firm_id, matter_id) REFERENCES matters (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX time_entries_by_matter ON time_entries (firm_id, matter_id, work_date);
CREATE INDEX time_entries_by_user ON time_entries (firm_id, user_id, work_date);
CREATE INDEX time_entries_by_bill ON time_entries (firm_id, bill_id) WHERE bill_id IS NOT NULL;
CREATE INDEX time_entries_unbilled
    ON time_entries (firm_id, matter_id, work_date, user_id, billability, currency, seconds, value)
    WHERE status = 'unbilled';

CREATE TABLE expenses (
    firm_id      uuid NOT NULL,
    id           uuid NOT NULL,
    version      bigint NOT NULL,
    matter_id    uuid NOT NULL,
    user_id      uuid NOT NULL,
    work_date    date NOT NULL,
    status       text NOT NULL,
    description  text NOT NULL,
    quantity     numeric NOT NULL,
    currency     text NOT NULL,
    unit_cost    numeric NOT NULL,
    expense_code text,
    vendor       text NOT NULL,
    receipt_id   uuid,
    tax          text NOT NULL,
    billable     boolean NOT NULL,
    bill_id      uuid,
    recorded_at  timestamptz NOT NULL,
    amount       bigint NOT NULL,
    CONSTRAINT expenses_pkey PRIMARY KEY (firm_id, id),
    FOREIGN KEY (firm_id, matter_id) REFERENCES matters (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX expenses_by_matter ON expenses (firm_id, matter_id, status, work_date);
CREATE INDEX expenses_by_bill ON expenses (firm_id, bill_id) WHERE bill_id IS NOT NULL;

-- Single records by kind and key: timers, billing terms, billing settings, reconciliations,
-- rule overrides, rule packs, conflict checks.
CREATE TABLE keyed_records (
    firm_id uuid NOT NULL,
    kind    text NOT NULL,
    key     text COLLATE "C" NOT NULL,
    version bigint NOT NULL,
    body    text NOT NULL,
    CONSTRAINT keyed_records_pkey PRIMARY KEY (firm_id, kind, key)
);

CREATE TABLE bills (
    firm_id        uuid NOT NULL,
    id             uuid NOT NULL,
    version        bigint NOT NULL,
    kind           text NOT NULL,
    number         text,
    client_id      uuid NOT NULL,
    period_from    date NOT NULL,
    period_to      date NOT NULL,
    currency       text NOT NULL,
    arrangement    text NOT NULL,
    covered_time   text,
    discount_kind  text,
    discount_value numeric,
    tax_name       text NOT NULL,
    tax_rate       numeric NOT NULL,
    gross          bigint NOT NULL,
    discount       bigint NOT NULL,
    net            bigint NOT NULL,
    tax            bigint NOT NULL,
    total          bigint NOT NULL,
    status         text NOT NULL,
    credits        uuid,
    description    text NOT NULL,
    issued_on      date,
    due_on         date,
    paid           bigint NOT NULL,
    credited       bigint NOT NULL,
    written_off    bigint NOT NULL,
    outstanding    bigint NOT NULL,
    void_reason    text,
    created_by     uuid NOT NULL,
    created_at     timestamptz NOT NULL,
    issued_by      uuid,
    CONSTRAINT bills_pkey PRIMARY KEY (firm_id, id),
    CONSTRAINT bills_number UNIQUE (firm_id, number)
);

CREATE INDEX bills_by_client ON bills (firm_id, client_id, created_at);
CREATE INDEX bills_newest ON bills (firm_id, created_at DESC, id DESC);
CREATE INDEX bills_open ON bills (firm_id, currency, issued_on, outstanding) WHERE outstanding <> 0;

CREATE TABLE bill_matters (
    firm_id   uuid NOT NULL,
    bill_id   uuid NOT NULL,
    position  bigint NOT NULL,
    matter_id uuid NOT NULL,
    PRIMARY KEY (firm_id, bill_id, position),
    FOREIGN KEY (firm_id, bill_id) REFERENCES bills (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX bill_matters_by_matter ON bill_matters (firm_id, matter_id, bill_id);

CREATE TABLE bill_lines (
    firm_id        uuid NOT NULL,
    bill_id        uuid NOT NULL,
    line_number    bigint NOT NULL,
    currency       text NOT NULL,
    kind           text NOT NULL,
    matter_id      uuid NOT NULL,
    work_date      date NOT NULL,
    description    text NOT NULL,
    quantity       numeric NOT NULL,
    unit_price     numeric NOT NULL,
    discount_kind  text,
    discount_value numeric,
    taxable        boolean NOT NULL,
    time_entry_id  uuid,
    expense_id     uuid,
    user_id        uuid,
    task_code      text,
    activity_code  text,
    expense_code   text,
    gross          bigint NOT NULL,
    discount       bigint NOT NULL,
    bill_discount  bigint NOT NULL,
    net            bigint NOT NULL,
    tax            bigint NOT NULL,
    total          bigint NOT NULL,
    PRIMARY KEY (firm_id, bill_id, line_number),
    FOREIGN KEY (firm_id, bill_id) REFERENCES bills (firm_id, id) ON DELETE CASCADE
);

CREATE TABLE payments (
    firm_id     uuid NOT NULL,
    id          uuid NOT NULL,
    version     bigint NOT NULL,
    client_id   uuid NOT NULL,
    received_on date NOT NULL,
    currency    text NOT NULL,
    amount      bigint NOT NULL,
    method      text NOT NULL,
    reference   text NOT NULL,
    recorded_by uuid NOT NULL,
    recorded_at timestamptz NOT NULL,
    CONSTRAINT payments_pkey PRIMARY KEY (firm_id, id)
);

CREATE INDEX payments_by_client ON payments (firm_id, client_id, received_on);

CREATE TABLE payment_allocations (
    firm_id    uuid NOT NULL,
    payment_id uuid NOT NULL,
    position   bigint NOT NULL,
    bill_id    uuid NOT NULL,
    currency   text NOT NULL,
    amount     bigint NOT NULL,
    PRIMARY KEY (firm_id, payment_id, position),
    FOREIGN KEY (firm_id, payment_id) REFERENCES payments (firm_id, id) ON DELETE CASCADE
);

CREATE INDEX payment_allocations_by_bill ON payment_allocations (firm_id, bill_id);

-- Client money is never edited or deleted: corrections are reversing entries (append-only as
-- the audit log is).
CREATE TABLE client_money_entries (
    firm_id         uuid NOT NULL,
    id              uuid NOT NULL,
    version         bigint NOT NULL,
    matter_id       uuid NOT NULL,
    client_id       uuid NOT NULL,
    kind            text NOT NULL,
    currency        text COLLATE "C" NOT NULL,
    amount          bigint NOT NULL,
    entry_date      date NOT NULL,
    reference       text NOT NULL,
    counterparty    text NOT NULL,
    description     text NOT NULL,
    bill_id         uuid,
    reverses        uuid,
    override_reason text,
    recorded_by     uuid NOT NULL,
    recorded_at     timestamptz NOT NULL,
    -- The entry's effect on the client's balance in millionths.
    signed_amount   bigint NOT NULL,
    CONSTRAINT client_money_entries_pkey PRIMARY KEY (firm_id, id),
    FOREIGN KEY (firm_id, matter_id) REFERENCES matters (firm_id, id)
);

CREATE INDEX client_money_by_matter
    ON client_money_entries (firm_id, matter_id, entry_date, recorded_at);
CREATE INDEX client_money_by_date ON client_money_entries (firm_id, entry_date, recorded_at);

-- Document contents, content-addressed (SHA-256) per firm and verified when read, so that a
-- firm on PostgreSQL needs no shared file system.
CREATE TABLE blobs (
    firm_id  uuid NOT NULL,
    hash     bytea NOT NULL CHECK (length(hash) = 32),
    size     bigint NOT NULL,
    contents bytea NOT NULL,
    PRIMARY KEY (firm_id, hash)
);

-- Contents staged by a command in progress (`BlobStore::stage`, before the command takes the
-- firm's write lock), copied into `blobs` when the command publishes them and deleted when it
-- ends. A row older than a day belongs to no command (its process stopped) and is collected
-- when the firm is opened.
CREATE TABLE blob_staging (
    firm_id   uuid NOT NULL,
    key       uuid NOT NULL,
    hash      bytea NOT NULL CHECK (length(hash) = 32),
    contents  bytea NOT NULL,
    staged_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (firm_id, key)
);

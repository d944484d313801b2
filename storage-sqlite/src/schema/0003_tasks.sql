-- lexcase schema 3: tasks, with the columns their views filter and sort on.

CREATE TABLE tasks (
    id               BLOB PRIMARY KEY CHECK (length(id) = 16),
    version          INTEGER NOT NULL,
    matter_id        BLOB REFERENCES matters (id) ON DELETE CASCADE,
    assignee_user    BLOB,
    open             INTEGER NOT NULL CHECK (open IN (0, 1)),
    due_date         TEXT,
    priority_rank    INTEGER NOT NULL,
    anchor_task      BLOB,
    anchor_key_date  TEXT,
    created_at       TEXT NOT NULL,
    body             TEXT NOT NULL
) STRICT;

CREATE INDEX tasks_by_matter ON tasks (matter_id, created_at, id);
CREATE INDEX tasks_by_assignee ON tasks (assignee_user, open, due_date);
CREATE INDEX tasks_by_due ON tasks (open, due_date, priority_rank, created_at, id);
CREATE INDEX tasks_by_anchor_task ON tasks (anchor_task) WHERE anchor_task IS NOT NULL;
CREATE INDEX tasks_by_anchor_key_date ON tasks (matter_id, anchor_key_date)
    WHERE anchor_key_date IS NOT NULL;

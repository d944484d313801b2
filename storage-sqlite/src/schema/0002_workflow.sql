-- lexcase schema 2: workflow templates (versioned data) and each matter's progress along one.

CREATE TABLE workflow_templates (
    id      TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version > 0),
    name    TEXT NOT NULL,
    body    TEXT NOT NULL,
    PRIMARY KEY (id, version)
) STRICT, WITHOUT ROWID;

-- One workflow per matter, pinned to a template version; stage columns serve the firm-wide
-- stage view and the "stuck in a stage" list.
CREATE TABLE matter_workflows (
    matter_id        BLOB PRIMARY KEY CHECK (length(matter_id) = 16)
                     REFERENCES matters (id) ON DELETE CASCADE,
    version          INTEGER NOT NULL,
    template_id      TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    stage            TEXT NOT NULL,
    stage_entered_on TEXT NOT NULL,
    body             TEXT NOT NULL,
    FOREIGN KEY (template_id, template_version) REFERENCES workflow_templates (id, version)
) STRICT;

CREATE INDEX matter_workflows_by_stage ON matter_workflows (template_id, stage, matter_id);
CREATE INDEX matter_workflows_by_entered ON matter_workflows (stage_entered_on, matter_id);

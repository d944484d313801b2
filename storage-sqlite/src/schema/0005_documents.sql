-- lexcase schema 5: documents (contents live in the blob store) and their searchable text.

CREATE TABLE documents (
    id         BLOB PRIMARY KEY CHECK (length(id) = 16),
    version    INTEGER NOT NULL,
    matter_id  BLOB NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    updated_at TEXT NOT NULL,
    body       TEXT NOT NULL
) STRICT;

CREATE INDEX documents_by_matter ON documents (matter_id, updated_at);

-- The text the caller supplied for each document's latest version.
CREATE VIRTUAL TABLE documents_text USING fts5 (
    document_id UNINDEXED,
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- lexcase schema 4: notes on matters and contacts, with a full-text index of their text.

CREATE TABLE notes (
    id         BLOB PRIMARY KEY CHECK (length(id) = 16),
    version    INTEGER NOT NULL,
    matter_id  BLOB REFERENCES matters (id) ON DELETE CASCADE,
    contact_id BLOB REFERENCES contacts (id) ON DELETE CASCADE,
    written_at TEXT NOT NULL,
    body       TEXT NOT NULL,
    CHECK ((matter_id IS NULL) <> (contact_id IS NULL))
) STRICT;

CREATE INDEX notes_by_matter ON notes (matter_id, written_at) WHERE matter_id IS NOT NULL;
CREATE INDEX notes_by_contact ON notes (contact_id, written_at) WHERE contact_id IS NOT NULL;

-- The current text of each note; rowid = notes.rowid. Folded (lower case, no accents) by the
-- unicode61 tokenizer.
CREATE VIRTUAL TABLE notes_text USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');

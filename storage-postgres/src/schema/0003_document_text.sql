-- lexcase PostgreSQL schema 3: the searchable text of each document, kept as supplied (NULL:
-- none, or only white space), beside the words built from it, so that a firm archive exports
-- it (`document_texts`) as the SQLite store does.

ALTER TABLE documents ADD COLUMN text text;

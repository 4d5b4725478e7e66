-- The side an entry called for (LONG or SHORT), a field of its own: a WAIT of the edge gate says which trade it stopped
-- without anyone reading the rules' reason text. Rows written before: the side their reason began with ("LONG: ...",
-- "SHORT: ...", the rules' result as the engine wrote it), else NULL. Portable: SQLite and PostgreSQL.
ALTER TABLE decision ADD COLUMN wanted TEXT;
UPDATE decision SET wanted = 'LONG' WHERE kind = 'ENTRY' AND rule_reason LIKE 'LONG:%';
UPDATE decision SET wanted = 'SHORT' WHERE kind = 'ENTRY' AND rule_reason LIKE 'SHORT:%';

-- Whose answer a scored row is (issue 20, the arena): PRIMARY, the model in use, whose record goes back into its
-- prompts and whose texts form the training set; SHADOW, a second model asked the same question on idle time and
-- scored at the same horizon, at the same price, with the same costs (engine/ModelRecords). Portable: SQLite and PostgreSQL.
ALTER TABLE model_answer ADD COLUMN role TEXT NOT NULL DEFAULT 'PRIMARY';

-- The edge gate's verdict on an entry, a field of its own (PROVEN, UNPROVEN, NO_EDGE, UNGATED; NULL for an exit, or an
-- entry the gate was not asked about), so the API, the confirm card and the decision log read it instead of searching
-- the rules' reason for "unproven". Rows written before: the verdict the reason text recorded (UNPROVEN, NO_EDGE);
-- PROVEN and UNGATED were never written down, so those stay NULL. Portable: SQLite and PostgreSQL.
ALTER TABLE proposal ADD COLUMN edge_verdict TEXT;
ALTER TABLE decision ADD COLUMN edge_verdict TEXT;
UPDATE proposal SET edge_verdict = 'UNPROVEN' WHERE kind = 'ENTRY' AND rule_reason LIKE '%unproven (no measured edge)%';
UPDATE decision SET edge_verdict = 'NO_EDGE' WHERE outcome = 'NO_EDGE';
UPDATE decision SET edge_verdict = 'UNPROVEN'
    WHERE kind = 'ENTRY' AND outcome <> 'NO_EDGE' AND rule_reason LIKE '%unproven (no measured edge)%';

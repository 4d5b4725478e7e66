-- The risk governor's limits (one row, written by PUT /api/decision/risk; absent = the decision.risk.* defaults).
-- Percents are TEXT holding BigDecimal.toPlainString().
CREATE TABLE risk_limits (
    id                       INTEGER PRIMARY KEY CHECK (id = 1),
    max_position_pct         TEXT    NOT NULL,
    max_open_positions       INTEGER NOT NULL,
    max_gross_exposure_pct   TEXT    NOT NULL,
    daily_loss_limit_pct     TEXT    NOT NULL,
    loss_cooldown_seconds    INTEGER NOT NULL,
    max_entries_per_hour     INTEGER NOT NULL,
    safe_mode_after_failures INTEGER NOT NULL,
    max_slippage_pct         TEXT    NOT NULL,
    updated_at               TEXT    NOT NULL
);

-- The limit that refused or resized a decision or a proposal (a risk_limits column name in camelCase, or halted,
-- safeMode), null when none fired.
ALTER TABLE decision ADD COLUMN refused_by TEXT;
ALTER TABLE decision ADD COLUMN resized_by TEXT;
ALTER TABLE proposal ADD COLUMN refused_by TEXT;
ALTER TABLE proposal ADD COLUMN resized_by TEXT;

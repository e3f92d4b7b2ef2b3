-- Schema version 1 of the khuyến công register. The same statements run on SQLite and on
-- PostgreSQL; {id} and {bytes} are spelled per database (see schema.rs).
-- Money is whole đồng (BIGINT); dates are 'YYYY-MM-DD'; times are RFC 3339 in UTC.

CREATE TABLE schema_migrations (
    version BIGINT PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

-- One run of a command that writes: an intake (`add`), a recorded state, a re-check, an import.
CREATE TABLE batches (
    id {id},
    started_at TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    command TEXT NOT NULL CHECK (command IN ('add', 'state', 'recheck', 'import'))
);

-- Every document ever submitted, exactly as submitted (body), accepted or rejected.
-- A version of a document is (kind, doc_id, version); a corrected document is a new version
-- and the accepted version before it is marked superseded_by the new one. Both remain.
CREATE TABLE documents (
    id {id},
    batch BIGINT NOT NULL REFERENCES batches (id),
    kind TEXT,
    doc_id TEXT,
    version BIGINT,
    status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
    superseded_by BIGINT REFERENCES documents (id),
    source TEXT NOT NULL,
    source_line BIGINT,
    added_at TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    title TEXT,
    province TEXT,
    province_key TEXT,
    province_now TEXT,
    fund_level TEXT,
    period_from TEXT,
    period_to TEXT,
    body {bytes} NOT NULL,
    UNIQUE (kind, doc_id, version)
);
CREATE INDEX documents_by_key ON documents (kind, doc_id);
CREATE INDEX documents_by_province ON documents (province_key);

-- Every check of a document: the one at intake and each re-check whose findings differed.
CREATE TABLE checks (
    id {id},
    document BIGINT NOT NULL REFERENCES documents (id),
    batch BIGINT NOT NULL REFERENCES batches (id),
    checked_at TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    errors BIGINT NOT NULL,
    warnings BIGINT NOT NULL,
    infos BIGINT NOT NULL
);
CREATE INDEX checks_by_document ON checks (document);

-- The findings of a check, in the checker's order; `finding` is the whole finding as JSON.
CREATE TABLE findings (
    check_id BIGINT NOT NULL REFERENCES checks (id),
    seq BIGINT NOT NULL,
    code TEXT NOT NULL,
    severity TEXT NOT NULL,
    path TEXT NOT NULL,
    message_vi TEXT NOT NULL,
    message_en TEXT NOT NULL,
    citation TEXT,
    finding TEXT NOT NULL,
    PRIMARY KEY (check_id, seq)
);
CREATE INDEX findings_by_code ON findings (code);

-- Every scheme identifier the register has seen, in a scheme document or a plan line.
CREATE TABLE schemes (
    scheme_id TEXT PRIMARY KEY,
    first_document BIGINT NOT NULL REFERENCES documents (id)
);

-- Where an accepted document speaks of a scheme: its own document ('scheme'), a plan that
-- lists it ('plan_line'), a report that names it ('report_line').
CREATE TABLE scheme_mentions (
    document BIGINT NOT NULL REFERENCES documents (id),
    seq BIGINT NOT NULL,
    scheme_id TEXT NOT NULL REFERENCES schemes (scheme_id),
    role TEXT NOT NULL CHECK (role IN ('scheme', 'plan_line', 'report_line')),
    title TEXT,
    province TEXT,
    province_key TEXT,
    fund_level TEXT,
    year BIGINT,
    approved_on TEXT,
    approval_number TEXT,
    support_vnd BIGINT,
    support_exactness TEXT,
    total_cost_vnd BIGINT,
    PRIMARY KEY (document, seq)
);
CREATE INDEX scheme_mentions_by_scheme ON scheme_mentions (scheme_id);

-- The activities (Decree 45/2012 Art. 4) of a mention, with the group of each.
CREATE TABLE scheme_activities (
    document BIGINT NOT NULL REFERENCES documents (id),
    mention BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    activity TEXT NOT NULL,
    activity_group TEXT,
    PRIMARY KEY (document, mention, seq)
);

-- The beneficiaries of a scheme document; name_key is the name normalised for matching.
CREATE TABLE beneficiaries (
    document BIGINT NOT NULL REFERENCES documents (id),
    seq BIGINT NOT NULL,
    scheme_id TEXT NOT NULL REFERENCES schemes (scheme_id),
    name TEXT,
    name_key TEXT,
    other_state_funding_same_items BIGINT,
    PRIMARY KEY (document, seq)
);
CREATE INDEX beneficiaries_by_name ON beneficiaries (name_key);

-- The states of a scheme with their dates and sources: from a document that states them
-- (document set), or recorded by a person (`register state`, document NULL).
CREATE TABLE scheme_states (
    id {id},
    scheme_id TEXT NOT NULL REFERENCES schemes (scheme_id),
    state TEXT NOT NULL CHECK (state IN ('proposed', 'approved', 'implemented', 'settled', 'cancelled')),
    on_date TEXT NOT NULL,
    source TEXT NOT NULL,
    document BIGINT REFERENCES documents (id),
    batch BIGINT NOT NULL REFERENCES batches (id),
    recorded_at TEXT NOT NULL,
    note TEXT
);
CREATE INDEX scheme_states_by_scheme ON scheme_states (scheme_id);

-- The result lines of accepted period reports: what a report counts, by activity and fund,
-- over its years (a line with its own year has year_from = year_to).
CREATE TABLE report_lines (
    document BIGINT NOT NULL REFERENCES documents (id),
    seq BIGINT NOT NULL,
    activity TEXT NOT NULL,
    activity_group TEXT,
    fund_level TEXT,
    year_from BIGINT NOT NULL,
    year_to BIGINT NOT NULL,
    PRIMARY KEY (document, seq)
);

-- Programmes a document defines or reports on (an instrument code such as
-- 'qd_1881_2020_ttg', or a programme document's id).
CREATE TABLE programme_refs (
    document BIGINT NOT NULL REFERENCES documents (id),
    programme_id TEXT NOT NULL,
    relation TEXT NOT NULL CHECK (relation IN ('defines', 'reports_on')),
    PRIMARY KEY (document, programme_id, relation)
);

-- Numeric targets: of a programme ('programme'), or proposed by a report for the period
-- after its own ('report_proposal', period_to NULL: the report does not state the end).
CREATE TABLE targets (
    document BIGINT NOT NULL REFERENCES documents (id),
    seq BIGINT NOT NULL,
    programme_id TEXT,
    basis TEXT NOT NULL CHECK (basis IN ('programme', 'report_proposal')),
    province TEXT,
    province_key TEXT,
    period_from TEXT,
    period_to TEXT,
    year BIGINT,
    activity TEXT,
    fund_level TEXT,
    level TEXT,
    measure TEXT NOT NULL,
    target BIGINT NOT NULL,
    exactness TEXT NOT NULL,
    text TEXT,
    PRIMARY KEY (document, seq)
);

-- The core's totals of each accepted document, by every key (khuyencong::totals): what the
-- SQL views add up is what the library computed, never a second reading of the rules.
CREATE TABLE document_totals (
    document BIGINT NOT NULL REFERENCES documents (id),
    seq BIGINT NOT NULL,
    province TEXT,
    period TEXT,
    fund_level TEXT,
    source TEXT,
    activity TEXT,
    funding_vnd BIGINT NOT NULL,
    support_vnd BIGINT NOT NULL,
    total_investment_vnd BIGINT NOT NULL,
    counterpart_vnd BIGINT NOT NULL,
    establishments BIGINT NOT NULL,
    exactness TEXT NOT NULL,
    PRIMARY KEY (document, seq)
);

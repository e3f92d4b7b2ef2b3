-- Schema version 2: views for reading the register in plain SQL (docs/register.md lists them).
-- They read what the library stored; they recompute no rule and no total of the law.

-- Every version of every document, with the counts of its intake check and whether it is
-- current (accepted and not superseded).
CREATE VIEW v_documents AS
SELECT d.id, d.kind, d.doc_id, d.version, d.status,
       CASE WHEN d.status = 'accepted' AND d.superseded_by IS NULL THEN 1 ELSE 0 END AS is_current,
       d.superseded_by, d.source, d.source_line, d.added_at, d.rules_version,
       d.title, d.province, d.province_now, d.fund_level, d.period_from, d.period_to,
       c.errors, c.warnings, c.infos
FROM documents d
JOIN checks c ON c.id = (SELECT MIN(c2.id) FROM checks c2 WHERE c2.document = d.id);

-- The current version of each document.
CREATE VIEW v_current_documents AS
SELECT * FROM v_documents WHERE is_current = 1;

-- Every finding of every check, with its document and the rules that produced it.
CREATE VIEW v_findings AS
SELECT d.id AS document, d.kind, d.doc_id, d.version, d.status, c.id AS check_id,
       c.checked_at, c.rules_version, f.seq, f.severity, f.code, f.path,
       f.message_vi, f.message_en, f.citation
FROM findings f
JOIN checks c ON c.id = f.check_id
JOIN documents d ON d.id = c.document;

-- Where current documents speak of each scheme (its own document, plans that list it).
CREATE VIEW v_scheme_mentions AS
SELECT m.scheme_id, m.role, d.kind, d.doc_id, d.version, d.id AS document,
       m.title, m.province, m.province_key, m.fund_level, m.year, m.approved_on,
       m.approval_number, m.support_vnd, m.support_exactness, m.total_cost_vnd, m.seq
FROM scheme_mentions m
JOIN documents d ON d.id = m.document
WHERE d.status = 'accepted' AND d.superseded_by IS NULL;

-- The states of each scheme: recorded ones, and those stated by current documents.
CREATE VIEW v_scheme_states AS
SELECT s.scheme_id, s.state, s.on_date, s.source, s.document, d.doc_id, d.version,
       s.recorded_at, s.note, s.id
FROM scheme_states s
LEFT JOIN documents d ON d.id = s.document
WHERE s.document IS NULL OR (d.status = 'accepted' AND d.superseded_by IS NULL);

-- The latest state of each scheme (by date, then by the order it was recorded).
CREATE VIEW v_scheme_latest_state AS
SELECT s.scheme_id, s.state, s.on_date, s.source
FROM v_scheme_states s
WHERE NOT EXISTS (
    SELECT 1 FROM v_scheme_states t
    WHERE t.scheme_id = s.scheme_id
      AND (t.on_date > s.on_date OR (t.on_date = s.on_date AND t.id > s.id))
);

-- Each scheme: its own current document if registered (else what the latest plan listing it
-- says), the number of plans that list it, its latest state.
CREATE VIEW v_schemes AS
SELECT s.scheme_id,
       own.doc_id AS scheme_document,
       COALESCE(own.title, pl.title) AS title,
       COALESCE(own.province, pl.province) AS province,
       COALESCE(own.fund_level, pl.fund_level) AS fund_level,
       own.approved_on, own.approval_number,
       COALESCE(own.support_vnd, pl.support_vnd) AS support_vnd,
       COALESCE(own.total_cost_vnd, pl.total_cost_vnd) AS total_cost_vnd,
       (SELECT COUNT(*) FROM v_scheme_mentions p
         WHERE p.scheme_id = s.scheme_id AND p.role = 'plan_line') AS plans,
       st.state, st.on_date AS state_on, st.source AS state_source
FROM schemes s
LEFT JOIN v_scheme_mentions own ON own.scheme_id = s.scheme_id AND own.role = 'scheme'
LEFT JOIN v_scheme_mentions pl ON pl.scheme_id = s.scheme_id AND pl.role = 'plan_line'
     AND pl.document = (SELECT MAX(p2.document) FROM v_scheme_mentions p2
                        WHERE p2.scheme_id = s.scheme_id AND p2.role = 'plan_line')
     AND pl.seq = (SELECT MIN(p3.seq) FROM v_scheme_mentions p3
                   WHERE p3.scheme_id = s.scheme_id AND p3.role = 'plan_line'
                     AND p3.document = pl.document)
LEFT JOIN v_scheme_latest_state st ON st.scheme_id = s.scheme_id;

-- Plans that list each scheme.
CREATE VIEW v_scheme_plans AS
SELECT m.scheme_id, m.doc_id AS plan_id, m.version AS plan_version, m.year,
       m.fund_level, m.support_vnd, m.support_exactness, m.total_cost_vnd
FROM v_scheme_mentions m
WHERE m.role = 'plan_line';

-- Current period reports that count each scheme. A report that names the scheme counts it
-- ('named'); otherwise a report of the same province whose years include the scheme's year
-- and that has a result line of the scheme's activity (or its group) and fund level (or no
-- fund stated) is taken to count it ('covered'): reports of format version 1 do not name
-- the schemes they count.
CREATE VIEW v_scheme_reports AS
SELECT DISTINCT m.scheme_id, r.doc_id AS report_id, r.version AS report_version,
       'named' AS basis
FROM v_scheme_mentions m
JOIN documents r ON r.id = m.document
WHERE m.role = 'report_line'
UNION
SELECT DISTINCT m.scheme_id, r.doc_id AS report_id, r.version AS report_version,
       'covered' AS basis
FROM v_scheme_mentions m
JOIN scheme_activities a ON a.document = m.document AND a.mention = m.seq
JOIN documents r ON r.kind = 'period_report' AND r.status = 'accepted'
     AND r.superseded_by IS NULL AND r.province_key = m.province_key
JOIN report_lines l ON l.document = r.id
WHERE m.role IN ('scheme', 'plan_line')
  AND m.year BETWEEN l.year_from AND l.year_to
  AND (l.fund_level IS NULL OR l.fund_level = m.fund_level)
  AND (l.activity = a.activity OR l.activity = a.activity_group OR l.activity_group = a.activity);

-- Programmes each current document defines or reports on.
CREATE VIEW v_programme_refs AS
SELECT p.programme_id, p.relation, d.kind, d.doc_id, d.version, d.province, d.period_from, d.period_to
FROM programme_refs p
JOIN documents d ON d.id = p.document
WHERE d.status = 'accepted' AND d.superseded_by IS NULL;

-- The programmes each scheme serves: those the reports that count it report on
-- ('via_report'). Programme documents, once the format has them, add their own links.
CREATE VIEW v_scheme_programmes AS
SELECT DISTINCT r.scheme_id, p.programme_id, 'via_report' AS basis, r.report_id
FROM v_scheme_reports r
JOIN documents d ON d.kind = 'period_report' AND d.doc_id = r.report_id
     AND d.version = r.report_version
JOIN programme_refs p ON p.document = d.id AND p.relation = 'reports_on';

-- Schemes approved (and not cancelled since) that no current report counts.
CREATE VIEW v_unreported_schemes AS
SELECT s.scheme_id, s.title, s.province, s.fund_level,
       ap.on_date AS approved_on, ap.source AS approved_by,
       s.scheme_document, s.plans, s.state AS latest_state
FROM v_schemes s
JOIN v_scheme_states ap ON ap.scheme_id = s.scheme_id AND ap.state = 'approved'
     AND ap.id = (SELECT MIN(x.id) FROM v_scheme_states x
                  WHERE x.scheme_id = s.scheme_id AND x.state = 'approved')
WHERE NOT EXISTS (SELECT 1 FROM v_scheme_reports r WHERE r.scheme_id = s.scheme_id)
  AND NOT EXISTS (SELECT 1 FROM v_scheme_states c
                  WHERE c.scheme_id = s.scheme_id AND c.state = 'cancelled');

-- The beneficiaries of current scheme documents, one row per activity of their scheme, with
-- how many schemes the same name has and how many of them share this activity (the same
-- items: support for the same costs twice is barred by Joint Circular 26/2014 Art. 7.4).
CREATE VIEW v_beneficiary_schemes AS
SELECT b.name_key, b.name, b.scheme_id, m.year, m.province, m.fund_level,
       a.activity, b.other_state_funding_same_items,
       (SELECT COUNT(DISTINCT b2.scheme_id) FROM beneficiaries b2
          JOIN documents d2 ON d2.id = b2.document
         WHERE d2.status = 'accepted' AND d2.superseded_by IS NULL
           AND b2.name_key = b.name_key) AS schemes,
       (SELECT COUNT(DISTINCT b3.scheme_id) FROM beneficiaries b3
          JOIN documents d3 ON d3.id = b3.document
          JOIN scheme_mentions m3 ON m3.document = b3.document AND m3.role = 'scheme'
          JOIN scheme_activities a3 ON a3.document = m3.document AND a3.mention = m3.seq
         WHERE d3.status = 'accepted' AND d3.superseded_by IS NULL
           AND b3.name_key = b.name_key AND a3.activity = a.activity) AS schemes_same_activity
FROM beneficiaries b
JOIN documents d ON d.id = b.document
JOIN scheme_mentions m ON m.document = b.document AND m.role = 'scheme'
JOIN scheme_activities a ON a.document = m.document AND a.mention = m.seq
WHERE d.status = 'accepted' AND d.superseded_by IS NULL AND b.name_key IS NOT NULL;

-- The core's totals of each current document, by province, period, fund level, source and
-- activity: these figures add up (SUM) to the library's totals by any of those keys.
CREATE VIEW v_money AS
SELECT d.kind, d.doc_id, d.version, d.province_now, t.province, t.period, t.fund_level,
       t.source, t.activity, t.funding_vnd, t.support_vnd, t.total_investment_vnd,
       t.counterpart_vnd, t.establishments, t.exactness
FROM document_totals t
JOIN documents d ON d.id = t.document
WHERE d.status = 'accepted' AND d.superseded_by IS NULL;

-- Targets of current documents.
CREATE VIEW v_targets AS
SELECT d.kind, d.doc_id, d.version, t.programme_id, t.basis, t.province, t.province_key,
       t.period_from, t.period_to, t.year, t.activity, t.fund_level, t.level, t.measure,
       t.target, t.exactness, t.text, t.seq
FROM targets t
JOIN documents d ON d.id = t.document
WHERE d.status = 'accepted' AND d.superseded_by IS NULL;

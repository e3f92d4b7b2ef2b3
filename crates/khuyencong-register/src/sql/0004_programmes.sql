-- Schema version 4: programmes (document format version 2). A programme document defines
-- its id (and the instrument code of its approving decision, when the library knows it); a
-- period report reports on a programme by its id (`programme_id`) or by that instrument
-- (`programme`); a scheme may say which programme it belongs to. After this migration the
-- register's index is rebuilt from the stored documents.

-- The programmes a scheme document says the scheme belongs to (a programme's id, or the
-- instrument code of the decision that approved the programme).
CREATE TABLE scheme_programmes (
    document BIGINT NOT NULL REFERENCES documents (id),
    scheme_id TEXT NOT NULL REFERENCES schemes (scheme_id),
    programme_id TEXT NOT NULL,
    PRIMARY KEY (document, scheme_id, programme_id)
);
CREATE INDEX scheme_programmes_by_programme ON scheme_programmes (programme_id);

-- The programmes each scheme serves: those its own document names ('stated'), and those the
-- reports that count it report on ('via_report').
DROP VIEW v_scheme_programmes;
CREATE VIEW v_scheme_programmes AS
SELECT DISTINCT r.scheme_id, p.programme_id, 'via_report' AS basis, r.report_id
FROM v_scheme_reports r
JOIN documents d ON d.kind = 'period_report' AND d.doc_id = r.report_id
     AND d.version = r.report_version
JOIN programme_refs p ON p.document = d.id AND p.relation = 'reports_on'
UNION
SELECT DISTINCT s.scheme_id, s.programme_id, 'stated' AS basis, CAST(NULL AS TEXT) AS report_id
FROM scheme_programmes s
JOIN documents d ON d.id = s.document
WHERE d.status = 'accepted' AND d.superseded_by IS NULL;

-- Each current programme document: its period, the instrument it is approved by (when the
-- library knows it), how many target rows it has (one per target and indicator, and per year
-- for a target for each year), the current reports that refer to it (by its id, or by its
-- instrument from the same province, as khuyencong::totals::progress links them) and the
-- schemes that belong to it. Progress against its targets is `khuyencong register
-- programme-progress` (the library's computation, not SQL).
CREATE VIEW v_programmes AS
SELECT d.doc_id AS programme_id, d.version, d.title, d.province, d.province_key,
       d.province_now, d.fund_level, d.period_from, d.period_to,
       (SELECT MIN(x.programme_id) FROM programme_refs x
         WHERE x.document = d.id AND x.relation = 'defines'
           AND x.programme_id <> d.doc_id) AS instrument,
       (SELECT COUNT(*) FROM targets t WHERE t.document = d.id) AS target_rows,
       (SELECT COUNT(DISTINCT r.id) FROM programme_refs rp
          JOIN documents r ON r.id = rp.document
         WHERE rp.relation = 'reports_on' AND r.kind = 'period_report'
           AND r.status = 'accepted' AND r.superseded_by IS NULL
           AND (rp.programme_id = d.doc_id
                OR (rp.programme_id IN (SELECT x.programme_id FROM programme_refs x
                                         WHERE x.document = d.id AND x.relation = 'defines'
                                           AND x.programme_id <> d.doc_id)
                    AND (d.province_key IS NULL OR r.province_key = d.province_key)))) AS reports,
       (SELECT COUNT(DISTINCT s.scheme_id) FROM v_scheme_programmes s
         WHERE s.programme_id IN (SELECT x.programme_id FROM programme_refs x
                                   WHERE x.document = d.id AND x.relation = 'defines')) AS schemes
FROM documents d
WHERE d.kind = 'programme' AND d.status = 'accepted' AND d.superseded_by IS NULL;

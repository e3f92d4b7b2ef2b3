-- Schema version 3: the province of today beside the province of the time in the totals of
-- each document (the library's province list across the 2025 arrangement), and in v_money.
-- After this migration the register's index is rebuilt from the stored documents, so that
-- province keys are the library's permanent codes everywhere.

ALTER TABLE document_totals ADD COLUMN province_now TEXT;

DROP VIEW v_money;
CREATE VIEW v_money AS
SELECT d.kind, d.doc_id, d.version, t.province, t.province_now, t.period, t.fund_level,
       t.source, t.activity, t.funding_vnd, t.support_vnd, t.total_investment_vnd,
       t.counterpart_vnd, t.establishments, t.exactness
FROM document_totals t
JOIN documents d ON d.id = t.document
WHERE d.status = 'accepted' AND d.superseded_by IS NULL;

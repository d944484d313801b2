-- lexcase PostgreSQL schema 2: row-level security, the second wall between firms.
--
-- Every query of the store already names its firm (`firm_id = $1`); these policies repeat the
-- rule inside the database. A session sees and writes only the rows of the firm named by the
-- setting `lexcase.firm`, which the store sets (`SET LOCAL`) at the start of every transaction;
-- without it a session sees nothing. FORCE applies the policies to the tables' owner too; only
-- superusers and roles with BYPASSRLS pass them, so the application must not connect as one.
--
-- The audit log and client money are append-only: their policies allow reading and inserting
-- a firm's rows and nothing else, so an UPDATE or DELETE changes no row even for the owner.

ALTER TABLE firms ENABLE ROW LEVEL SECURITY;
ALTER TABLE firms FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON firms
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE firm_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE firm_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON firm_settings
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON users
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE contacts FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON contacts
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE contact_emails ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_emails FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON contact_emails
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE contact_name_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_name_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON contact_name_keys
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE contact_name_key_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_name_key_counts FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON contact_name_key_counts
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE contact_affiliations ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_affiliations FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON contact_affiliations
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE matters ENABLE ROW LEVEL SECURITY;
ALTER TABLE matters FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON matters
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE matter_team ENABLE ROW LEVEL SECURITY;
ALTER TABLE matter_team FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON matter_team
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE matter_parties ENABLE ROW LEVEL SECURITY;
ALTER TABLE matter_parties FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON matter_parties
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE matter_walls ENABLE ROW LEVEL SECURITY;
ALTER TABLE matter_walls FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON matter_walls
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE matter_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE matter_members FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON matter_members
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE sequences ENABLE ROW LEVEL SECURITY;
ALTER TABLE sequences FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON sequences
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_reads ON audit_log FOR SELECT
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);
CREATE POLICY firm_appends ON audit_log FOR INSERT
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE audit_head ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_head FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON audit_head
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE workflow_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_templates FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON workflow_templates
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE matter_workflows ENABLE ROW LEVEL SECURITY;
ALTER TABLE matter_workflows FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON matter_workflows
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON tasks
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE notes FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON notes
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON documents
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE appointments ENABLE ROW LEVEL SECURITY;
ALTER TABLE appointments FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON appointments
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE appointment_users ENABLE ROW LEVEL SECURITY;
ALTER TABLE appointment_users FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON appointment_users
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE deadlines ENABLE ROW LEVEL SECURITY;
ALTER TABLE deadlines FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON deadlines
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE communications ENABLE ROW LEVEL SECURITY;
ALTER TABLE communications FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON communications
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE time_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE time_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON time_entries
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE expenses ENABLE ROW LEVEL SECURITY;
ALTER TABLE expenses FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON expenses
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE keyed_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE keyed_records FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON keyed_records
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE bills ENABLE ROW LEVEL SECURITY;
ALTER TABLE bills FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON bills
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE bill_matters ENABLE ROW LEVEL SECURITY;
ALTER TABLE bill_matters FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON bill_matters
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE bill_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE bill_lines FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON bill_lines
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
ALTER TABLE payments FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON payments
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE payment_allocations ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_allocations FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON payment_allocations
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE client_money_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE client_money_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_reads ON client_money_entries FOR SELECT
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);
CREATE POLICY firm_appends ON client_money_entries FOR INSERT
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE blobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE blobs FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON blobs
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

ALTER TABLE blob_staging ENABLE ROW LEVEL SECURITY;
ALTER TABLE blob_staging FORCE ROW LEVEL SECURITY;
CREATE POLICY firm_isolation ON blob_staging
    USING (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid)
    WITH CHECK (firm_id = NULLIF(current_setting('lexcase.firm', true), '')::uuid);

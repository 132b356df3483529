-- 1.1 is a trusted extension (interaction.control): a database owner who is not
-- a superuser may create it, and then owns no object of it (the bootstrap
-- superuser does).  The user who installs it keeps the right to edit the stage
-- rules, as in a fresh install (sql/install/20_classify.sql).
GRANT INSERT, UPDATE, DELETE, TRUNCATE ON interaction_stage_rules TO @extowner@;

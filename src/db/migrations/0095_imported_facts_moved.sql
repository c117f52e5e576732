-- Why: imported history moved to its own tables (0094); what was kept beside its cases goes with them.
DROP TABLE "imported_allegation_facts";

-- Why: an import counts the rows it has just written, in its own transaction, where the planner's
-- statistics still hold the tables as they were: it planned for a few hundred units, sorted a
-- million on disk to group them, and took 3.7 s at a million rows. Grouped by hashing, as it is for
-- the few hundred groups there are whatever the file's size, it takes 2.4 s. Withdrawing an import
-- counts through the same function.
ALTER FUNCTION conduct_count_imported_allegations(timestamptz, int) SET enable_sort = off;

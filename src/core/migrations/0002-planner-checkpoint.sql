-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 2: the planner's saved replay states.
--
-- The planner replays the program day by day from its start date. Its
-- state at the end of a day follows from the history up to that day alone,
-- so prehab-schedule.c keeps it at the end of every fourth program week and
-- later decisions resume from there (HACKING.md, "The planner"). A state is
-- a cache: the triggers below drop every state that a change of the history
-- at or before its day could make wrong, whichever code path writes (the
-- log, an edit, a delete, a session, an import), and `stamp` rejects a
-- state written for other rules, another catalog or another enrollment.
--
-- The triggers follow what the planner reads: the time, context and pain of
-- each entry, whether it belongs to a session, its qualities and warning
-- signs; each session's date, kind, status and pain ratings and its
-- completed exercises; the enrollment and its equipment and safety
-- answers. A planner that reads more needs more triggers.

CREATE TABLE planner_checkpoint (
  enrollment_id INTEGER NOT NULL REFERENCES enrollment (id) ON DELETE CASCADE,
  day           TEXT NOT NULL CHECK (date (julianday (day)) IS day),
  stamp         TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state LIKE '{%}'),
  PRIMARY KEY (enrollment_id, day)
) STRICT, WITHOUT ROWID;

-- Pain entries belong to no enrollment: a change drops the states of every
-- enrollment from the entry's day on.
CREATE TRIGGER planner_checkpoint_entry_insert AFTER INSERT ON pain_entry
BEGIN
  DELETE FROM planner_checkpoint WHERE day >= substr (NEW.logged_at, 1, 10);
END;

CREATE TRIGGER planner_checkpoint_entry_update AFTER UPDATE ON pain_entry
  WHEN OLD.logged_at IS NOT NEW.logged_at OR OLD.context IS NOT NEW.context
    OR OLD.pain IS NOT NEW.pain OR OLD.id IS NOT NEW.id
    OR (OLD.session_id IS NULL) IS NOT (NEW.session_id IS NULL)
BEGIN
  DELETE FROM planner_checkpoint
  WHERE day >= min (substr (OLD.logged_at, 1, 10), substr (NEW.logged_at, 1, 10));
END;

CREATE TRIGGER planner_checkpoint_entry_delete AFTER DELETE ON pain_entry
BEGIN
  DELETE FROM planner_checkpoint WHERE day >= substr (OLD.logged_at, 1, 10);
END;

-- Qualities and warning signs are read through their entry: a row whose
-- entry is gone (deleted with it) is not read, and the entry's own trigger
-- has dropped the states.
CREATE TRIGGER planner_checkpoint_quality_insert AFTER INSERT ON pain_entry_quality
BEGIN
  DELETE FROM planner_checkpoint
  WHERE day >= (SELECT substr (logged_at, 1, 10) FROM pain_entry WHERE id = NEW.entry_id);
END;

CREATE TRIGGER planner_checkpoint_quality_update AFTER UPDATE ON pain_entry_quality
BEGIN
  DELETE FROM planner_checkpoint
  WHERE day >= (SELECT substr (logged_at, 1, 10) FROM pain_entry WHERE id = OLD.entry_id)
     OR day >= (SELECT substr (logged_at, 1, 10) FROM pain_entry WHERE id = NEW.entry_id);
END;

CREATE TRIGGER planner_checkpoint_quality_delete AFTER DELETE ON pain_entry_quality
BEGIN
  DELETE FROM planner_checkpoint
  WHERE day >= (SELECT substr (logged_at, 1, 10) FROM pain_entry WHERE id = OLD.entry_id);
END;

CREATE TRIGGER planner_checkpoint_flag_insert AFTER INSERT ON pain_entry_flag
BEGIN
  DELETE FROM planner_checkpoint
  WHERE day >= (SELECT substr (logged_at, 1, 10) FROM pain_entry WHERE id = NEW.entry_id);
END;

CREATE TRIGGER planner_checkpoint_flag_update AFTER UPDATE ON pain_entry_flag
BEGIN
  DELETE FROM planner_checkpoint
  WHERE day >= (SELECT substr (logged_at, 1, 10) FROM pain_entry WHERE id = OLD.entry_id)
     OR day >= (SELECT substr (logged_at, 1, 10) FROM pain_entry WHERE id = NEW.entry_id);
END;

CREATE TRIGGER planner_checkpoint_flag_delete AFTER DELETE ON pain_entry_flag
BEGIN
  DELETE FROM planner_checkpoint
  WHERE day >= (SELECT substr (logged_at, 1, 10) FROM pain_entry WHERE id = OLD.entry_id);
END;

-- Sessions: the states of their enrollment from the session's day on.
CREATE TRIGGER planner_checkpoint_session_insert AFTER INSERT ON session
BEGIN
  DELETE FROM planner_checkpoint
  WHERE enrollment_id = NEW.enrollment_id AND day >= NEW.date;
END;

CREATE TRIGGER planner_checkpoint_session_update AFTER UPDATE ON session
BEGIN
  DELETE FROM planner_checkpoint
  WHERE (enrollment_id = OLD.enrollment_id AND day >= OLD.date)
     OR (enrollment_id = NEW.enrollment_id AND day >= NEW.date);
END;

CREATE TRIGGER planner_checkpoint_session_delete AFTER DELETE ON session
BEGIN
  DELETE FROM planner_checkpoint
  WHERE enrollment_id = OLD.enrollment_id AND day >= OLD.date;
END;

CREATE TRIGGER planner_checkpoint_session_exercise_insert AFTER INSERT ON session_exercise
BEGIN
  DELETE FROM planner_checkpoint
  WHERE EXISTS (SELECT 1 FROM session s
                WHERE s.id = NEW.session_id AND s.enrollment_id = planner_checkpoint.enrollment_id
                  AND s.date <= planner_checkpoint.day);
END;

CREATE TRIGGER planner_checkpoint_session_exercise_update AFTER UPDATE ON session_exercise
BEGIN
  DELETE FROM planner_checkpoint
  WHERE EXISTS (SELECT 1 FROM session s
                WHERE s.id IN (OLD.session_id, NEW.session_id)
                  AND s.enrollment_id = planner_checkpoint.enrollment_id
                  AND s.date <= planner_checkpoint.day);
END;

CREATE TRIGGER planner_checkpoint_session_exercise_delete AFTER DELETE ON session_exercise
BEGIN
  DELETE FROM planner_checkpoint
  WHERE EXISTS (SELECT 1 FROM session s
                WHERE s.id = OLD.session_id AND s.enrollment_id = planner_checkpoint.enrollment_id
                  AND s.date <= planner_checkpoint.day);
END;

-- The enrollment (start date, training days, clearance), its equipment and
-- its safety answers: every state of the enrollment.
CREATE TRIGGER planner_checkpoint_enrollment_update AFTER UPDATE ON enrollment
BEGIN
  DELETE FROM planner_checkpoint WHERE enrollment_id IN (OLD.id, NEW.id);
END;

CREATE TRIGGER planner_checkpoint_equipment_insert AFTER INSERT ON enrollment_equipment
BEGIN
  DELETE FROM planner_checkpoint WHERE enrollment_id = NEW.enrollment_id;
END;

CREATE TRIGGER planner_checkpoint_equipment_update AFTER UPDATE ON enrollment_equipment
BEGIN
  DELETE FROM planner_checkpoint WHERE enrollment_id IN (OLD.enrollment_id, NEW.enrollment_id);
END;

CREATE TRIGGER planner_checkpoint_equipment_delete AFTER DELETE ON enrollment_equipment
BEGIN
  DELETE FROM planner_checkpoint WHERE enrollment_id = OLD.enrollment_id;
END;

CREATE TRIGGER planner_checkpoint_flag_answer_insert AFTER INSERT ON enrollment_flag
BEGIN
  DELETE FROM planner_checkpoint WHERE enrollment_id = NEW.enrollment_id;
END;

CREATE TRIGGER planner_checkpoint_flag_answer_update AFTER UPDATE ON enrollment_flag
BEGIN
  DELETE FROM planner_checkpoint WHERE enrollment_id IN (OLD.enrollment_id, NEW.enrollment_id);
END;

CREATE TRIGGER planner_checkpoint_flag_answer_delete AFTER DELETE ON enrollment_flag
BEGIN
  DELETE FROM planner_checkpoint WHERE enrollment_id = OLD.enrollment_id;
END;

-- A new catalog (program, exercises): every state. The stamp would reject
-- them too; this keeps the table from holding states nothing can use.
CREATE TRIGGER planner_checkpoint_catalog_insert AFTER INSERT ON meta
  WHEN NEW.key = 'content_checksum'
BEGIN
  DELETE FROM planner_checkpoint;
END;

CREATE TRIGGER planner_checkpoint_catalog_update AFTER UPDATE ON meta
  WHEN NEW.key = 'content_checksum' OR OLD.key = 'content_checksum'
BEGIN
  DELETE FROM planner_checkpoint;
END;

-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 1: the whole data model of the 8-week program.
--
-- Conventions:
--  * Stable text ids for content (exercise, equipment, program, built-in
--    trigger); integer ids for what the person creates.
--  * Dates are 'YYYY-MM-DD', local times 'YYYY-MM-DD HH:MM', both checked.
--  * Content rows carry builtin = 1 and are rewritten by the catalog sync;
--    rows with builtin = 0 and every history table belong to the person and
--    are never touched by it. Content that leaves the catalog is retired,
--    not deleted, so history keeps pointing at it.
--  * Content text is stored in its source language and translated when shown.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Content ----------------------------------------------------------------

CREATE TABLE equipment (
  id         TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND length (id) <= 64),
  name       TEXT NOT NULL,
  builtin    INTEGER NOT NULL DEFAULT 1 CHECK (builtin IN (0, 1)),
  retired    INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE exercise (
  id         TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND length (id) <= 64),
  name       TEXT NOT NULL,
  summary    TEXT NOT NULL DEFAULT '',
  category   TEXT NOT NULL
             CHECK (category IN ('mobility', 'breathing', 'posture', 'strength')),
  position   TEXT NOT NULL
             CHECK (position IN ('quadruped', 'side-lying', 'supine', 'prone',
                                 'seated', 'standing', 'kneeling', 'any')),
  -- Default dose.
  sets       INTEGER NOT NULL DEFAULT 1 CHECK (sets BETWEEN 1 AND 20),
  reps       INTEGER CHECK (reps IS NULL OR reps BETWEEN 1 AND 200),
  hold_s     INTEGER CHECK (hold_s IS NULL OR hold_s BETWEEN 1 AND 3600),
  duration_s INTEGER CHECK (duration_s IS NULL OR duration_s BETWEEN 1 AND 7200),
  per_side   INTEGER NOT NULL DEFAULT 0 CHECK (per_side IN (0, 1)),
  -- Seconds of the two halves of one rep ("4-4": inhale 4 s, exhale 4 s).
  tempo      TEXT CHECK (tempo IS NULL OR tempo GLOB '[1-9]-[1-9]'),
  rest_s     INTEGER NOT NULL DEFAULT 30 CHECK (rest_s BETWEEN 0 AND 600),
  builtin    INTEGER NOT NULL DEFAULT 1 CHECK (builtin IN (0, 1)),
  retired    INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 0,
  CHECK (reps IS NOT NULL OR duration_s IS NOT NULL)
) STRICT;

CREATE TABLE exercise_phase (
  exercise_id TEXT NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
  phase       TEXT NOT NULL
              CHECK (phase IN ('desensitize', 'mobilize', 'strengthen', 'maintain')),
  PRIMARY KEY (exercise_id, phase)
) STRICT, WITHOUT ROWID;

CREATE TABLE exercise_movement (
  exercise_id TEXT NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
  movement    TEXT NOT NULL
              CHECK (movement IN ('flexion', 'extension', 'rotation', 'side-bending',
                                  'retraction', 'breathing', 'pressure')),
  PRIMARY KEY (exercise_id, movement)
) STRICT, WITHOUT ROWID;

CREATE TABLE exercise_plane (
  exercise_id TEXT NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
  plane       TEXT NOT NULL CHECK (plane IN ('sagittal', 'frontal', 'transverse')),
  PRIMARY KEY (exercise_id, plane)
) STRICT, WITHOUT ROWID;

-- Items sharing a non-zero alt_group are alternatives (any one will do);
-- alt_group 0 items are each needed unless optional.
CREATE TABLE exercise_equipment (
  exercise_id  TEXT NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
  equipment_id TEXT NOT NULL REFERENCES equipment (id),
  alt_group    INTEGER NOT NULL DEFAULT 0 CHECK (alt_group >= 0),
  optional     INTEGER NOT NULL DEFAULT 0 CHECK (optional IN (0, 1)),
  PRIMARY KEY (exercise_id, equipment_id)
) STRICT, WITHOUT ROWID;

-- Steps, cues (the first is the key cue) and "back off if" cautions, in order.
CREATE TABLE exercise_text (
  exercise_id TEXT NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('step', 'cue', 'caution')),
  position    INTEGER NOT NULL CHECK (position >= 0),
  body        TEXT NOT NULL,
  PRIMARY KEY (exercise_id, kind, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE exercise_variant (
  exercise_id TEXT NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
  variant_id  TEXT NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('easier', 'harder')),
  PRIMARY KEY (exercise_id, variant_id, kind),
  CHECK (exercise_id <> variant_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE program (
  id          TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND length (id) <= 64),
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  weeks       INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 52),
  builtin     INTEGER NOT NULL DEFAULT 1 CHECK (builtin IN (0, 1)),
  retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) STRICT;

CREATE TABLE program_week (
  program_id TEXT NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  week       INTEGER NOT NULL CHECK (week >= 1),
  phase      TEXT NOT NULL
             CHECK (phase IN ('desensitize', 'mobilize', 'strengthen', 'maintain')),
  focus      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (program_id, week)
) STRICT, WITHOUT ROWID;

-- Session templates: 'daily' is done every day, 'training' on the person's
-- strength days. A NULL dose column means the exercise's default.
CREATE TABLE program_item (
  program_id  TEXT NOT NULL,
  week        INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('daily', 'training')),
  position    INTEGER NOT NULL CHECK (position >= 0),
  exercise_id TEXT NOT NULL REFERENCES exercise (id),
  sets        INTEGER CHECK (sets IS NULL OR sets BETWEEN 1 AND 20),
  reps        INTEGER CHECK (reps IS NULL OR reps BETWEEN 1 AND 200),
  hold_s      INTEGER CHECK (hold_s IS NULL OR hold_s BETWEEN 1 AND 3600),
  duration_s  INTEGER CHECK (duration_s IS NULL OR duration_s BETWEEN 1 AND 7200),
  PRIMARY KEY (program_id, week, kind, position),
  FOREIGN KEY (program_id, week) REFERENCES program_week (program_id, week)
    ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- Red-flag symptoms (PLANNER.md): stable ids and their tier.
CREATE TABLE red_flag (
  id   TEXT PRIMARY KEY,
  tier TEXT NOT NULL CHECK (tier IN ('emergency', 'see-doctor'))
) STRICT, WITHOUT ROWID;

INSERT INTO red_flag (id, tier) VALUES
  ('chest-pain', 'emergency'),
  ('tearing-pain', 'emergency'),
  ('worst-headache', 'emergency'),
  ('stroke-signs', 'emergency'),
  ('bladder-bowel', 'emergency'),
  ('weakness-both-sides', 'emergency'),
  ('major-trauma', 'emergency'),
  ('fever', 'see-doctor'),
  ('weight-loss', 'see-doctor'),
  ('cancer-history', 'see-doctor'),
  ('night-pain', 'see-doctor'),
  ('cord-signs', 'see-doctor'),
  ('spreading-numbness', 'see-doctor');

-- Triggers: built-in ones have a builtin_id from the catalog; the person's
-- own have none and a case-insensitively unique name.
CREATE TABLE pain_trigger (
  id          INTEGER PRIMARY KEY,
  builtin_id  TEXT UNIQUE,
  name        TEXT NOT NULL CHECK (length (trim (name)) > 0 AND length (name) <= 200),
  retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  sort_order  INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%d %H:%M:%S', 'now', 'localtime'))
) STRICT;

CREATE UNIQUE INDEX pain_trigger_custom_name
  ON pain_trigger (name COLLATE NOCASE) WHERE builtin_id IS NULL;

-- The person's program ----------------------------------------------------

-- training_days: bit 0 = Monday ... bit 6 = Sunday.
CREATE TABLE enrollment (
  id            INTEGER PRIMARY KEY,
  program_id    TEXT NOT NULL REFERENCES program (id),
  start_date    TEXT NOT NULL CHECK (date (julianday (start_date)) IS start_date),
  training_days INTEGER NOT NULL DEFAULT 0 CHECK (training_days BETWEEN 0 AND 127),
  cleared_at    TEXT CHECK (cleared_at IS NULL OR datetime (julianday (cleared_at)) IS cleared_at),
  ended_at      TEXT CHECK (ended_at IS NULL OR datetime (julianday (ended_at)) IS ended_at),
  created_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%d %H:%M:%S', 'now', 'localtime'))
) STRICT;

CREATE TABLE enrollment_equipment (
  enrollment_id INTEGER NOT NULL REFERENCES enrollment (id) ON DELETE CASCADE,
  equipment_id  TEXT NOT NULL REFERENCES equipment (id),
  PRIMARY KEY (enrollment_id, equipment_id)
) STRICT, WITHOUT ROWID;

-- Answers given on the safety screen at onboarding.
CREATE TABLE enrollment_flag (
  enrollment_id INTEGER NOT NULL REFERENCES enrollment (id) ON DELETE CASCADE,
  flag          TEXT NOT NULL REFERENCES red_flag (id),
  reported_at   TEXT NOT NULL CHECK (datetime (julianday (reported_at)) IS reported_at),
  PRIMARY KEY (enrollment_id, flag)
) STRICT, WITHOUT ROWID;

CREATE TABLE session (
  id            INTEGER PRIMARY KEY,
  enrollment_id INTEGER NOT NULL REFERENCES enrollment (id) ON DELETE CASCADE,
  date          TEXT NOT NULL CHECK (date (julianday (date)) IS date),
  kind          TEXT NOT NULL DEFAULT 'daily' CHECK (kind IN ('daily', 'training')),
  status        TEXT NOT NULL CHECK (status IN ('done', 'partial', 'skipped')),
  pain_during   INTEGER CHECK (pain_during IS NULL OR pain_during BETWEEN 0 AND 10),
  pain_after    INTEGER CHECK (pain_after IS NULL OR pain_after BETWEEN 0 AND 10),
  note          TEXT NOT NULL DEFAULT '',
  started_at    TEXT CHECK (started_at IS NULL OR datetime (julianday (started_at)) IS started_at),
  finished_at   TEXT CHECK (finished_at IS NULL OR datetime (julianday (finished_at)) IS finished_at)
) STRICT;

CREATE INDEX session_by_date ON session (enrollment_id, date);

CREATE TABLE session_exercise (
  session_id         INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
  position           INTEGER NOT NULL CHECK (position >= 0),
  exercise_id        TEXT NOT NULL REFERENCES exercise (id),
  per_side           INTEGER NOT NULL DEFAULT 0 CHECK (per_side IN (0, 1)),
  planned_sets       INTEGER,
  planned_reps       INTEGER,
  planned_hold_s     INTEGER,
  planned_duration_s INTEGER,
  done_sets          INTEGER,
  done_reps          INTEGER,
  done_hold_s        INTEGER,
  done_duration_s    INTEGER,
  completed          INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
  PRIMARY KEY (session_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE movement_break (
  id       INTEGER PRIMARY KEY,
  taken_at TEXT NOT NULL CHECK (datetime (julianday (taken_at)) IS taken_at)
) STRICT;

CREATE INDEX movement_break_by_time ON movement_break (taken_at);

-- The journal -------------------------------------------------------------

CREATE TABLE pain_entry (
  id         INTEGER PRIMARY KEY,
  logged_at  TEXT NOT NULL CHECK (datetime (julianday (logged_at || ':00')) IS logged_at || ':00'),
  context    TEXT NOT NULL DEFAULT 'other'
             CHECK (context IN ('morning', 'evening', 'during', 'after', 'other')),
  pain       INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
  note       TEXT NOT NULL DEFAULT '',
  session_id INTEGER REFERENCES session (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
  updated_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%d %H:%M:%S', 'now', 'localtime'))
) STRICT;

CREATE INDEX pain_entry_by_time ON pain_entry (logged_at);

CREATE TABLE pain_entry_region (
  entry_id INTEGER NOT NULL REFERENCES pain_entry (id) ON DELETE CASCADE,
  region   TEXT NOT NULL
           CHECK (region IN ('neck', 'between-shoulder-blades', 'mid-back-left',
                             'mid-back-right', 'ribs', 'low-back', 'shoulder-left',
                             'shoulder-right', 'arm-left', 'arm-right')),
  PRIMARY KEY (entry_id, region)
) STRICT, WITHOUT ROWID;

CREATE TABLE pain_entry_quality (
  entry_id INTEGER NOT NULL REFERENCES pain_entry (id) ON DELETE CASCADE,
  quality  TEXT NOT NULL
           CHECK (quality IN ('ache', 'stiffness', 'sharp', 'burning', 'tingling',
                              'numbness')),
  PRIMARY KEY (entry_id, quality)
) STRICT, WITHOUT ROWID;

CREATE TABLE pain_entry_flag (
  entry_id INTEGER NOT NULL REFERENCES pain_entry (id) ON DELETE CASCADE,
  flag     TEXT NOT NULL REFERENCES red_flag (id),
  PRIMARY KEY (entry_id, flag)
) STRICT, WITHOUT ROWID;

CREATE TABLE pain_entry_trigger (
  entry_id   INTEGER NOT NULL REFERENCES pain_entry (id) ON DELETE CASCADE,
  trigger_id INTEGER NOT NULL REFERENCES pain_trigger (id),
  PRIMARY KEY (entry_id, trigger_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX pain_entry_trigger_by_trigger ON pain_entry_trigger (trigger_id);

-- The planner's audit trail: one decision per enrollment and day.
CREATE TABLE planner_decision (
  enrollment_id INTEGER NOT NULL REFERENCES enrollment (id) ON DELETE CASCADE,
  date          TEXT NOT NULL CHECK (date (julianday (date)) IS date),
  decision      TEXT NOT NULL
                CHECK (decision IN ('start', 'advance', 'hold', 'regress', 'stop')),
  phase_from    TEXT CHECK (phase_from IS NULL OR
                            phase_from IN ('desensitize', 'mobilize', 'strengthen', 'maintain')),
  phase_to      TEXT NOT NULL
                CHECK (phase_to IN ('desensitize', 'mobilize', 'strengthen', 'maintain')),
  see_clinician INTEGER NOT NULL DEFAULT 0 CHECK (see_clinician IN (0, 1)),
  -- JSON array of plain-language reasons, in the language of the day.
  reasons       TEXT NOT NULL DEFAULT '[]' CHECK (reasons LIKE '[%]'),
  decided_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
  PRIMARY KEY (enrollment_id, date)
) STRICT, WITHOUT ROWID;

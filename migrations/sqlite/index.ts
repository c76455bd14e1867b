import * as migration_20261123_154813_initial from './20261123_154813_initial';
import * as migration_20261123_175540_reading_state from './20261123_175540_reading_state';
import * as migration_20261123_175947_pipeline from './20261123_175947_pipeline';
import * as migration_20261123_180559_effective_status_schedule from './20261123_180559_effective_status_schedule';
import * as migration_20261124_011230_pronunciations from './20261124_011230_pronunciations';
import * as migration_20261208_002513_identity_conflict from './20261208_002513_identity_conflict';

export const migrations = [
  {
    up: migration_20261123_154813_initial.up,
    down: migration_20261123_154813_initial.down,
    name: '20261123_154813_initial',
  },
  {
    up: migration_20261123_175540_reading_state.up,
    down: migration_20261123_175540_reading_state.down,
    name: '20261123_175540_reading_state',
  },
  {
    up: migration_20261123_175947_pipeline.up,
    down: migration_20261123_175947_pipeline.down,
    name: '20261123_175947_pipeline',
  },
  {
    up: migration_20261123_180559_effective_status_schedule.up,
    down: migration_20261123_180559_effective_status_schedule.down,
    name: '20261123_180559_effective_status_schedule',
  },
  {
    up: migration_20261124_011230_pronunciations.up,
    down: migration_20261124_011230_pronunciations.down,
    name: '20261124_011230_pronunciations',
  },
  {
    up: migration_20261208_002513_identity_conflict.up,
    down: migration_20261208_002513_identity_conflict.down,
    name: '20261208_002513_identity_conflict'
  },
];

import * as migration_20261123_154820_initial from './20261123_154820_initial';
import * as migration_20261123_175550_reading_state from './20261123_175550_reading_state';
import * as migration_20261123_180007_pipeline from './20261123_180007_pipeline';
import * as migration_20261123_180635_effective_status_schedule from './20261123_180635_effective_status_schedule';
import * as migration_20261124_011238_pronunciations from './20261124_011238_pronunciations';
import * as migration_20261124_070000_path_collation from './20261124_070000_path_collation';
import * as migration_20261208_002749_identity_conflict from './20261208_002749_identity_conflict';

export const migrations = [
  {
    up: migration_20261123_154820_initial.up,
    down: migration_20261123_154820_initial.down,
    name: '20261123_154820_initial',
  },
  {
    up: migration_20261123_175550_reading_state.up,
    down: migration_20261123_175550_reading_state.down,
    name: '20261123_175550_reading_state',
  },
  {
    up: migration_20261123_180007_pipeline.up,
    down: migration_20261123_180007_pipeline.down,
    name: '20261123_180007_pipeline',
  },
  {
    up: migration_20261123_180635_effective_status_schedule.up,
    down: migration_20261123_180635_effective_status_schedule.down,
    name: '20261123_180635_effective_status_schedule',
  },
  {
    up: migration_20261124_011238_pronunciations.up,
    down: migration_20261124_011238_pronunciations.down,
    name: '20261124_011238_pronunciations',
  },
  {
    up: migration_20261124_070000_path_collation.up,
    down: migration_20261124_070000_path_collation.down,
    name: '20261124_070000_path_collation',
  },
  {
    up: migration_20261208_002749_identity_conflict.up,
    down: migration_20261208_002749_identity_conflict.down,
    name: '20261208_002749_identity_conflict'
  },
];

import * as migration_20261123_154813_initial from './20261123_154813_initial';

export const migrations = [
  {
    up: migration_20261123_154813_initial.up,
    down: migration_20261123_154813_initial.down,
    name: '20261123_154813_initial'
  },
];

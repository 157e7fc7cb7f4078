import type { Migration } from 'kysely';
import * as foundation from './001-foundation.js';
import * as dossiers from './002-dossiers.js';
import * as reconcile from './003-reconcile.js';
import * as communes from './004-communes.js';
import * as coverage from './005-coverage.js';
import * as runs from './006-runs.js';
import * as currentUnits from './007-current-units.js';
import * as errorCodes from './008-error-codes.js';
import * as pendingBundles from './009-pending-bundles.js';
import * as documentLookups from './010-document-lookups.js';
import * as linkLookups from './011-link-lookups.js';
import * as errorLookups from './012-error-lookups.js';

/**
 * Every migration, in order. Listed here rather than read from a folder so that the same code runs
 * under tsx, vitest and the compiled build (FileMigrationProvider would need .js files on disk).
 * Add a migration: a new numbered file, and one line here.
 */
export const migrations: Record<string, Migration> = {
  '001-foundation': foundation,
  '002-dossiers': dossiers,
  '003-reconcile': reconcile,
  '004-communes': communes,
  '005-coverage': coverage,
  '006-runs': runs,
  '007-current-units': currentUnits,
  '008-error-codes': errorCodes,
  '009-pending-bundles': pendingBundles,
  '010-document-lookups': documentLookups,
  '011-link-lookups': linkLookups,
  '012-error-lookups': errorLookups,
};

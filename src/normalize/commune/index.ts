export { CommuneRegistry, ERAS, buildRegistry, communeRegistry, unitId, type Era, type RegistryStats, type RegistryUnit } from './registry.js';
export { describe, eraOfPeriodEnd, resolveCommune, type CommuneResolution, type ResolveOptions } from './resolve.js';
export { UnitsCatalog, bareName, unitTypes, unitTypesOf, type UnitLevel, type UnitTypes } from './units.js';

export { CommuneRegistry, bareName, communeRegistry, type RegistryUnit } from './registry.js';
export { describe, resolveCommune, type CommuneResolution, type ResolveOptions } from './resolve.js';

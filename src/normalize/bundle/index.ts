export { BundleDocument, planBundles, type Bundle, type BundleAssignment, type BundleLink, type BundlePlan, type UnitRef } from './plan.js';

/**
 * The registry: the catalogue as typed SI data with provenance, lookup with suggestions, the
 * mlsysim-style namespaces, the zoo, custom entries and Hugging Face config import.
 * Browser-safe. custom-text.ts (custom entries as JSON/YAML text) is not re-exported: it holds
 * the YAML parser, which the page loads only when a user pastes text, so it is imported directly.
 */
export type {
  Cooling, Datacenter, Device, EntryKind, Grid, HardwareCategory, Model, ModelCategory, ModelFamily, PeakKey,
  PrecisionKey, Provenance, RackProfile, Source, SourceKind,
} from './types.js';
export type {
  Cluster, Dataset, Fabric, Node, Pod, Pricing, Rack, ReliabilityConstants, ResolvedCluster, Scenario,
  StorageConstants, StorageTier, Topology, UnitNamedConstants,
} from './types-systems.js';
export type {
  ClusterId, DatasetId, FabricId, GridId, HardwareId, ModelId, NodeId, ScenarioId,
} from './ids.js';

export { catalog, loadCatalog, DEFAULT_ELECTRICITY_USD_PER_KWH } from './catalog.js';
export type { Catalog, CatalogDefaults, Entry, EntryByKind } from './catalog.js';
export { EntryValidationError, UnknownEntryError } from './errors.js';
export { closestMatches, editDistance } from './suggest.js';
export {
  ENTRY_KINDS, Registry, createRegistry, findEntry, getCluster, getDataset, getFabric, getGrid, getHardware,
  getModel, getNode, getScenario, lookup, registry, resolveCluster, resolveSystem,
} from './lookup.js';
export type { ResolvedSystem } from './lookup.js';
export { Datasets, Hardware, Infra, Models, Scenarios, Systems } from './namespaces.js';
export { defaultPeakFlops, zoo, zooCategories } from './zoo.js';
export type { ZooCell, ZooColumn, ZooKind, ZooOptions, ZooRow, ZooTable } from './zoo.js';
export {
  customCluster, customGrid, customHardware, customModel, loadCustomEntries, parseCustomEntry,
} from './custom.js';
export type { CustomEntryOptions, CustomKind } from './custom.js';
export { modelFromHfConfig } from './hf-config.js';
export type { HfImportOptions } from './hf-config.js';
export { countHfParams } from './hf-params.js';
export type { HfArchitecture, ParamCount } from './hf-params.js';
export { deriveFamily, isLanguageModelFamily } from './model-family.js';
export { PRECISION_KEYS } from './schema-hardware.js';
export {
  hardwareSchema, modelSchema, gridSchema, nodeSchema, fabricSchema, clusterSchema, catalogSchema,
} from './schema.js';
export { carbonIntensityPerJoule, pricePerJoule } from './units.js';
export {
  VALIDATION_CATEGORIES, VALIDATION_QUANTITIES, VALIDATION_SPLITS, validationCaseSchema, validationSetSchema,
} from './schema-validation.js';
export type {
  ExpectedBottleneck, ValidationCase, ValidationCategory, ValidationQuantity, ValidationSet, ValidationSource, ValidationSplit,
} from './schema-validation.js';
export { parseValidationSet, validationCases, validationSet } from './validation.js';

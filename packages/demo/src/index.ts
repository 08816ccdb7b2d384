export { generateDemoCatalog, planDemoCatalog } from "./catalog";
export { importDemoCatalog } from "./import";
export type { DemoImportOptions } from "./import";
export type { DemoFormat } from "./albums";
export type { DemoAlbum, DemoCatalog, DemoCatalogOptions, DemoTrack } from "./catalog";
export { GENRES } from "./synth";
export type { Genre } from "./synth";

export { generateDemoCatalog, planDemoCatalog } from "./catalog";
export type { DemoFormat } from "./albums";
export type { DemoAlbum, DemoCatalog, DemoCatalogOptions, DemoTrack } from "./catalog";
export { GENRES } from "./synth";
export type { Genre } from "./synth";

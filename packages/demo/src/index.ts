export { generateDemoCatalog, planDemoCatalog } from "./catalog";
export type { DemoAlbum, DemoCatalog, DemoCatalogOptions, DemoFormat, DemoTrack } from "./catalog";
export { GENRES } from "./synth";
export type { Genre } from "./synth";

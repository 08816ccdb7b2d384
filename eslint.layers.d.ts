// Types for eslint.layers.js, so the test of the layer rule can import it.
export const layers: { type: string; pattern: string; capture?: string[] }[];
export const layerPolicies: object[];
export const mediaTestPolicies: object[];

// Placeholder until the streaming issue lands this package.
export {};

export * from "./auth";
export * from "./billing";
export * from "./catalog";
export * from "./library";
export * from "./listening";
export * from "./profile";
export * from "./search";
export * from "./media";

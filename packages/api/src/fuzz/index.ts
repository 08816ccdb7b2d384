// The fuzz vocabulary shared with the HTTP route fuzzer (e2e/fuzz-routes.spec.ts).
export { problemWith } from "./leaks";
export { percentEncode } from "./requests";
export { deeplyNestedJson, hostileString, trickyChar } from "./values";

// The fuzz vocabulary shared with the HTTP route fuzzer (e2e/fuzz-routes.spec.ts).
export { leaksIn, problemWith } from "./leaks";
export type { AnswerProblem } from "./leaks";
export { percentEncode } from "./requests";
export {
  deeplyNested,
  hostileDate,
  hostileNumber,
  hostileString,
  hostileValue,
  trickyChar,
  withTrickyChar,
} from "./values";

// One flat config for the whole workspace: type-checked TypeScript rules everywhere,
// React hooks rules for the UI packages.
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

import { layerPolicies, layers, mediaTestPolicies } from "./eslint.layers.js";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/drizzle/**",
      "**/dist/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "**/next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "scripts/*.cjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { prefer: "type-imports", fixStyle: "separate-type-imports" },
      ],
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ["apps/web/**/*.tsx", "packages/player/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The layers (eslint.layers.js): an upward import, or one that skips a package's
    // public entry points, fails lint.
    files: ["**/*.{ts,tsx}"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": layers,
      "boundaries/include": [
        "apps/**/*",
        "packages/**/*",
        "scripts/**/*",
        "bench/**/*",
        "e2e/**/*",
        "test/**/*",
      ],
      "import/resolver": {
        typescript: {
          project: ["tsconfig.json", "packages/*/tsconfig.json", "apps/*/tsconfig.json"],
          noWarnOnMultipleProjects: true,
        },
      },
    },
    rules: {
      "boundaries/dependencies": [2, { default: "disallow", policies: layerPolicies }],
      // Another package is reached through its name and `exports`, never by path.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/packages/*/src/**", "@cadence/*/src/**"], message: "Import the package by name" },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/media/**/*.test.ts"],
    rules: { "boundaries/dependencies": [2, { default: "disallow", policies: mediaTestPolicies }] },
  },
  { files: ["**/*.js", "**/*.cjs"], ...tseslint.configs.disableTypeChecked },
  {
    // Plain CommonJS that runs before anything is installed (scripts/check-node.cjs).
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);

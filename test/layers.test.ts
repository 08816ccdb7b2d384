import path from "node:path";

import { ESLint } from "eslint";
import boundaries from "eslint-plugin-boundaries";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

import { layerPolicies, layers } from "../eslint.layers.js";

const root = path.resolve(import.meta.dirname, "..");

// The layer rule itself, with the real resolver: an upward import must fail lint.
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ["**/*.ts"],
      languageOptions: { parser: tseslint.parser },
      plugins: { boundaries },
      settings: {
        "boundaries/elements": layers,
        "import/resolver": {
          typescript: {
            project: ["tsconfig.json", "packages/*/tsconfig.json"],
            noWarnOnMultipleProjects: true,
          },
        },
      },
      rules: { "boundaries/dependencies": [2, { default: "disallow", policies: layerPolicies }] },
    },
  ],
});

async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "boundaries/dependencies").map((m) => m.message);
}

describe("package layers", () => {
  it("fails an upward import: the domain layer importing the API", async () => {
    const errors = await layerErrors(
      "packages/domain/src/upward.ts",
      'import { appRouter } from "@cadence/api";\nexport const router = appRouter;\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('"domain"');
    expect(errors[0]).toContain('"api"');
  });

  it("fails the database layer importing anything of ours", async () => {
    const errors = await layerErrors(
      "packages/db/src/upward.ts",
      'import { AppError } from "@cadence/domain";\nexport const E = AppError;\n',
    );
    expect(errors).toHaveLength(1);
  });

  it("fails production media code using the demo catalog", async () => {
    const errors = await layerErrors(
      "packages/media/src/sideways.ts",
      'import { generateDemoCatalog } from "@cadence/demo";\nexport const g = generateDemoCatalog;\n',
    );
    expect(errors).toHaveLength(1);
  });

  it("keeps the progress reporter at the bottom: it imports nothing of ours", async () => {
    const errors = await layerErrors(
      "packages/progress/src/upward.ts",
      'import { sql } from "@cadence/db";\nexport const s = sql;\n',
    );
    expect(errors).toHaveLength(1);
    expect(
      await layerErrors(
        "packages/search/src/downward.ts",
        'import { progressReporter } from "@cadence/progress";\nexport const p = progressReporter;\n',
      ),
    ).toEqual([]);
  });

  it("allows a downward import", async () => {
    const errors = await layerErrors(
      "packages/api/src/downward.ts",
      'import { AppError } from "@cadence/domain";\nimport { schema } from "@cadence/db";\nexport const all = [AppError, schema];\n',
    );
    expect(errors).toEqual([]);
  });
});

import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { layerRules } from "./eslint.layers.js";

export default tseslint.config(
  {
    ignores: [
      "node_modules",
      "src/generated",
      "examples/frontend/gql",
      "**/*.gen.ts",
      "bench/results",
      "bench/peers",
      "dist",
      ".ci/node24",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["eslint.config.js", "eslint.layers.js"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  ...layerRules,
  {
    // Sizes that fit a screen: a function (a factory closure with all it returns counts as one) and a file.
    files: ["src/**/*.ts"],
    rules: {
      "max-lines-per-function": ["error", { max: 60 }],
      "max-lines": ["error", { max: 250 }],
    },
  },
  { files: ["eslint.config.js", "eslint.layers.js"], ...tseslint.configs.disableTypeChecked },
);

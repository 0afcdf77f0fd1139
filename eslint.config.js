import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "data/", "out/", "coverage/", "reports/", ".stryker-tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "no-empty": ["error", { allowEmptyCatch: false }],
      eqeqeq: ["error", "smart"],
      // Prettier's printWidth; it cannot wrap a long string or comment, so those are wrapped by hand. A URL may run on.
      "max-len": ["error", { code: 140, ignoreUrls: true }],
    },
  },
  {
    // Queries live in the store: everything else asks it by name (readMessage, queueWithDeadlines, …).
    files: ["src/**/*.ts"],
    ignores: ["src/store/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "kysely", message: "Kysely is for src/store only: add a named function there." }] },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name='db']",
          message: "The store's database handle is for src/store only: add a named function there.",
        },
      ],
    },
  },
  {
    files: ["eslint.config.js", "stryker.config.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);

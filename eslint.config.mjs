import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import boundaries from "./eslint/boundaries.mjs";

// Next's rules (React, hooks, a subset of jsx-a11y, import, TypeScript), then the hooks rules in
// full (dependency lists, the React Compiler's checks) and jsx-a11y's recommended set in full.
// Next's config already registers both plugins: the entries below reuse them and add rules only.
const { plugins: _a11yPlugin, ...a11yRecommended } = jsxA11y.flatConfigs.recommended;
const { plugins: _hooksPlugin, ...hooksRecommended } = reactHooks.configs.flat["recommended-latest"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  { ...hooksRecommended, name: "react-hooks/recommended-latest (rules)" },
  { ...a11yRecommended, name: "jsx-a11y/recommended (rules)" },
  {
    rules: {
      "react-hooks/exhaustive-deps": "error",
      // `_unused` names are deliberate (destructuring something away).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Plain links on purpose: next/link's runtime would join every page's first load (a tested
      // budget), and the pages linking home (404, error, source documents) want a full load anyway.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  // Tests mutate fixture records freely, to build the broken datasets they check.
  { files: ["**/*.test.ts", "**/*.test.tsx"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
  // Browser code may not import server-only folders (lib/*/README.md): see eslint/boundaries.mjs.
  {
    files: ["**/*.{ts,tsx,mts,mjs,js}"],
    plugins: { boundaries },
    rules: { "boundaries/no-server-import-in-client": "error" },
  },
  globalIgnores([".next/**", ".next-*/**", "out/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "screenshots/**"]),
]);

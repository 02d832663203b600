const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const reactHooks = require("eslint-plugin-react-hooks");

module.exports = tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", "dist-tsc/**", "node_modules/**", "coverage/**", "test-output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The pane reaches Excel only through its WorkbookPort; index.tsx alone bootstraps Office.
    files: ["src/taskpane/**"],
    ignores: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-globals": ["error", { name: "Excel", message: "Use the WorkbookPort (src/excel implements it)." }, { name: "Office", message: "Only index.tsx bootstraps Office." }],
    },
  },
  {
    // Only the Excel adapter may touch Office.js: the layers run one way.
    files: ["src/core/**", "src/plan/**", "src/xlsx/**", "src/cli/**"],
    rules: {
      "no-restricted-globals": ["error", { name: "Excel", message: "Office.js belongs in src/excel only." }, { name: "Office", message: "Office.js belongs in src/excel only." }],
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/excel/*", "**/taskpane/*", "react", "@fluentui/*"], message: "Layers run one way: core → plan → excel → taskpane." }] }],
    },
  },
);

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, whose entry is an ES module under jest.
    "^office-addin-manifest$": "office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 60000,
};

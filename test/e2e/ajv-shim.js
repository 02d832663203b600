/**
 * Preload (node --require) working around a broken dependency tree: package-lock.json hoists
 * ajv-keywords 5 (needs ajv 8) next to ajv 6, so `webpack` fails in schema-utils with
 * "Cannot find module 'ajv/dist/compile/codegen'". This sends ajv-keywords' `ajv` requests to
 * schema-utils' own ajv 8. It does nothing once the top-level ajv is 8 (the real fix: the lockfile).
 */
const Module = require("module");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
const nested = path.join(root, "node_modules", "schema-utils", "node_modules", "ajv");
let topMajor = 0;
try {
  topMajor = Number(require(path.join(root, "node_modules", "ajv", "package.json")).version.split(".")[0]);
} catch {
  topMajor = 0;
}
const original = Module._resolveFilename;
if (topMajor < 8) {
  Module._resolveFilename = function (request, parent, ...rest) {
    if ((request === "ajv" || request.startsWith("ajv/")) && parent && parent.filename && parent.filename.includes(`${path.sep}ajv-keywords${path.sep}`)) {
      return original.call(this, nested + request.slice(3), parent, ...rest);
    }
    return original.call(this, request, parent, ...rest);
  };
}

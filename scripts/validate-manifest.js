#!/usr/bin/env node
/**
 * Offline manifest validation (`npm run validate`).
 * 1. The project's own checks, always: ids and versions, resids, icons (file in assets/ of the stated size),
 *    URLs, localisation, requirement sets.
 * 2. The official XSD schemas with xmllint, where ../shared/schemas/office-addin-manifest exists.
 * (office-addin-manifest validate posts to an online service, unreachable here.)
 */
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const xml2js = require("xml2js");

const SCHEMA = path.resolve(__dirname, "..", "..", "shared", "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd");
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const LOCALES = ["zh-CN"];

/** Collect every element (with its name) below a parsed xml2js node. */
function elements(node, name = "", out = []) {
  if (node && typeof node === "object") {
    if (!Array.isArray(node)) out.push({ name, node });
    for (const [key, value] of Object.entries(node)) {
      if (key === "$" || key === "_") continue;
      const list = Array.isArray(value) ? value : [value];
      for (const child of list) elements(child, key, out);
    }
  }
  return out;
}

const attr = (el, name) => (el.node.$ ? el.node.$[name] : undefined);
const local = (name) => name.replace(/^.*:/, "");

function pngSize(file) {
  const buf = fs.readFileSync(file);
  if (buf.length < 24 || buf.toString("ascii", 1, 4) !== "PNG") return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Returns a list of error strings; empty when the manifest passes the project's own checks. */
async function checkManifest(xmlText, { rootDir }) {
  const errors = [];
  let doc;
  try {
    doc = await xml2js.parseStringPromise(xmlText, { explicitArray: true });
  } catch (err) {
    return [`not well-formed XML: ${err.message.split("\n")[0]}`];
  }
  const root = doc.OfficeApp;
  if (!root) return ["root element must be OfficeApp"];
  if (root.$?.["xsi:type"] !== "TaskPaneApp") errors.push('OfficeApp xsi:type must be "TaskPaneApp"');
  const text = (key) => (root[key] && typeof root[key][0] === "string" ? root[key][0].trim() : "");
  if (!GUID.test(text("Id"))) errors.push(`Id "${text("Id")}" is not a GUID`);
  if (!VERSION.test(text("Version"))) errors.push(`Version "${text("Version")}" is not of the form n.n.n.n`);
  if (!text("ProviderName")) errors.push("ProviderName is empty");
  if (!text("DefaultLocale")) errors.push("DefaultLocale is missing");

  for (const key of ["DisplayName", "Description"]) {
    const el = root[key]?.[0];
    if (!el?.$?.DefaultValue) errors.push(`${key} has no DefaultValue`);
    const overrides = (el?.Override || []).map((o) => o.$?.Locale);
    for (const loc of LOCALES) if (!overrides.includes(loc)) errors.push(`${key} has no ${loc} override`);
  }
  const hosts = (root.Hosts?.[0]?.Host || []).map((h) => h.$?.Name);
  if (!hosts.includes("Workbook")) errors.push('Hosts must include "Workbook" (Excel)');
  const sets = elements(root.Requirements?.[0] || {}).filter((e) => e.name === "Set");
  if (!sets.some((s) => attr(s, "Name") === "ExcelApi")) errors.push("Requirements must name the ExcelApi set");

  // Resources: every resid defined once, every reference resolves, string lengths within Office's limits.
  const all = elements(root);
  const defined = new Map();
  for (const group of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const el of all.filter((e) => local(e.name) === group)) {
      for (const item of elements(el.node).filter((e) => ["Image", "Url", "String"].includes(local(e.name)) && attr(e, "id"))) {
        const id = attr(item, "id");
        if (defined.has(id)) errors.push(`resource id "${id}" is defined twice`);
        defined.set(id, { group, value: attr(item, "DefaultValue") || "", node: item.node });
        const limit = group === "ShortStrings" ? 125 : group === "LongStrings" ? 250 : 2048;
        if (!attr(item, "DefaultValue")) errors.push(`resource "${id}" has no DefaultValue`);
        else if (attr(item, "DefaultValue").length > limit) errors.push(`resource "${id}" is longer than ${limit} characters`);
        if (group.endsWith("Strings")) {
          const locs = elements(item.node).filter((e) => local(e.name) === "Override").map((e) => attr(e, "Locale"));
          for (const loc of LOCALES) if (!locs.includes(loc)) errors.push(`string "${id}" has no ${loc} override`);
        }
      }
    }
  }
  const used = new Set();
  for (const el of all) {
    const resid = attr(el, "resid");
    if (resid === undefined) continue;
    used.add(resid);
    if (!defined.has(resid)) errors.push(`<${el.name}> refers to undefined resid "${resid}"`);
    else if (local(el.name) === "Image") {
      const size = Number(attr(el, "size"));
      const def = defined.get(resid);
      if (def.group !== "Images") errors.push(`image resid "${resid}" is not an image resource`);
      else if (size) errors.push(...checkIcon(def.value, size, `image "${resid}"`, rootDir));
    }
  }
  for (const id of defined.keys()) if (!used.has(id)) errors.push(`resource "${id}" is defined but never used`);

  // Icons of the add-in itself.
  const iconUrl = root.IconUrl?.[0]?.$?.DefaultValue;
  const hiRes = root.HighResolutionIconUrl?.[0]?.$?.DefaultValue;
  if (!iconUrl) errors.push("IconUrl is missing");
  else errors.push(...checkIcon(iconUrl, 32, "IconUrl", rootDir));
  if (!hiRes) errors.push("HighResolutionIconUrl is missing");
  else errors.push(...checkIcon(hiRes, 64, "HighResolutionIconUrl", rootDir));

  // Every URL is https.
  for (const el of all) {
    for (const key of ["DefaultValue", "Value"]) {
      const v = attr(el, key);
      if (typeof v === "string" && /^[a-z]+:\/\//i.test(v) && !v.startsWith("https://")) errors.push(`URL "${v}" is not https`);
    }
  }
  const source = root.DefaultSettings?.[0]?.SourceLocation?.[0]?.$?.DefaultValue;
  if (!source) errors.push("DefaultSettings/SourceLocation is missing");
  return errors;
}

/** An icon URL must name a PNG under assets/ of exactly size×size pixels. */
function checkIcon(url, size, label, rootDir) {
  let pathname;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return [`${label}: "${url}" is not a URL`];
  }
  if (!pathname.startsWith("/assets/")) return [`${label}: "${url}" is not under /assets/`];
  const file = path.join(rootDir, decodeURIComponent(pathname));
  if (!fs.existsSync(file)) return [`${label}: ${path.relative(rootDir, file)} does not exist`];
  const dim = pngSize(file);
  if (!dim) return [`${label}: ${path.relative(rootDir, file)} is not a PNG`];
  if (dim.width !== size || dim.height !== size) {
    return [`${label}: ${path.relative(rootDir, file)} is ${dim.width}×${dim.height}, expected ${size}×${size}`];
  }
  return [];
}

/** Schema check with xmllint; null when the schemas are not there (no ../shared). */
function checkSchema(file, schema = SCHEMA) {
  if (!fs.existsSync(schema)) return null;
  try {
    execFileSync("xmllint", ["--noout", "--schema", schema, file], { stdio: "pipe" });
    return [];
  } catch (err) {
    if (err.code === "ENOENT") return ["xmllint is not installed (Debian: apt-get install -y libxml2-utils)"];
    return [String(err.stderr || err.message).trim()];
  }
}

async function main() {
  const file = path.resolve(process.argv[2] || "manifest.xml");
  const rootDir = path.resolve(__dirname, "..");
  const errors = await checkManifest(fs.readFileSync(file, "utf8"), { rootDir });
  const schemaErrors = checkSchema(file);
  if (schemaErrors === null) console.log(`schema: skipped (${path.relative(process.cwd(), SCHEMA)} not found)`);
  else if (schemaErrors.length === 0) console.log("schema: valid (OfficeAppManifestV1_1.xsd)");
  const all = [...errors, ...(schemaErrors || [])];
  for (const e of all) console.error(`manifest: ${e}`);
  if (all.length > 0) process.exit(1);
  console.log(`${path.basename(file)}: valid (resids, icons, ids, locales${schemaErrors ? ", schema" : ""})`);
}

module.exports = { checkManifest, checkSchema, SCHEMA };
if (require.main === module) main();

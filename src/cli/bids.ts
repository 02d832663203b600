/**
 * `score --bids FILE`: a vendor column and a bid column from CSV/TSV (the importer's encodings and
 * delimiters: decodeBytes, parseDelimited) or .xlsx (readXlsx); headers in English or Chinese.
 * Bids as people write them (parseBid: "¥1,234,567.00", "1 234 567", full-width digits); a blank
 * bid is no bid. A bid that is not a number, a vendor listed twice or not rated: a message naming
 * the line (the worksheet row for .xlsx).
 */
import { parseBid } from "../core/award";
import { decodeBytes, looksLikeZip, parseDelimited, readXlsx, type EncodingChoice } from "../core/import";
import { shown } from "./text";

const VENDOR = ["vendor", "supplier", "bidder", "name", "供应商", "供应商名称", "投标人", "投标单位", "名称"];
const BID = ["bid", "price", "bid price", "amount", "total price", "报价", "投标报价", "价格", "金额", "总价"];

const norm = (s: string): string => s.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");

export type BidsRead = { ok: true; bids: Record<string, number | null> } | { ok: false; message: string };

export async function readBids(bytes: Uint8Array, name: string, rated: ReadonlySet<string>, encoding: EncodingChoice = "auto"): Promise<BidsRead> {
  const bad = (message: string): BidsRead => ({ ok: false, message: `--bids ${name}: ${message}` });
  if (bytes.length === 0) return bad("the file is empty");
  let rows: (string | number)[][];
  let lines: number[];
  let where = "line";
  if (looksLikeZip(bytes)) {
    const read = await readXlsx(bytes);
    if (!read.ok) return bad(read.message["en-US"]);
    rows = read.table.rows;
    lines = read.table.lines;
    where = "row";
  } else {
    const table = parseDelimited(decodeBytes(bytes, encoding).text);
    if (table.problems.length > 0) return bad(`line ${table.problems[0].line}: ${table.problems[0].message["en-US"]}`);
    rows = table.rows;
    lines = table.lines;
  }
  if (rows.length === 0) return bad("the file is empty");
  const header = rows[0].map((c) => norm(String(c)));
  const vendorCol = header.findIndex((h) => VENDOR.includes(h));
  const bidCol = header.findIndex((h) => BID.includes(h));
  if (vendorCol < 0 || bidCol < 0) {
    return bad(`${where} ${lines[0]}: needs a vendor column (${VENDOR.slice(0, 2).join(", ")}, 供应商) and a bid column (${BID.slice(0, 2).join(", ")}, 报价); the headers are ${rows[0].map((c) => `"${shown(String(c), 40)}"`).join(", ")}`);
  }
  const bids: Record<string, number | null> = {};
  const seen = new Map<string, number>();
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    const vendor = String(row[vendorCol] ?? "").trim();
    const cell = row[bidCol];
    if (vendor === "" && (cell === undefined || String(cell).trim() === "")) continue;
    const at = `${where} ${lines[i]}`;
    if (vendor === "") return bad(`${at}: the bid "${shown(String(cell), 40)}" has no vendor`);
    const parsed = parseBid(cell ?? null);
    if (parsed.kind === "nan") return bad(`${at}: the bid of "${shown(vendor, 60)}" is not a number: "${shown(String(cell), 40)}"`);
    if (parsed.kind === "ok" && parsed.value < 0) return bad(`${at}: the bid of "${shown(vendor, 60)}" is negative (${parsed.value})`);
    const before = seen.get(vendor);
    if (before !== undefined) return bad(`${at}: "${shown(vendor, 60)}" has a bid already (${where} ${before})`);
    if (!rated.has(vendor)) return bad(`${at}: "${shown(vendor, 60)}" is not a vendor of the ratings`);
    seen.set(vendor, lines[i]);
    bids[vendor] = parsed.kind === "ok" ? parsed.value : null;
  }
  return { ok: true, bids };
}

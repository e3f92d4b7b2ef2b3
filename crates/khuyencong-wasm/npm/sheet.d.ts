// khuyencong/sheet: filled spreadsheet templates read and checked (see docs/web.md and
// docs/spreadsheets.md).

import type { DocumentKind, Finding } from "./index.js";

/** One document of a spreadsheet, checked with the national rules. */
export interface SheetDocument {
  /** The file's name, as given. */
  source: string;
  /** null when the workbook does not say (a file that cannot be read). */
  kind: DocumentKind | null;
  id: string | null;
  /** Whether the core could read the document the spreadsheet holds. */
  readable: boolean;
  /** No finding of severity "error": neither a cell that could not be read nor a finding of the core. */
  ok: boolean;
  /**
   * Whether reading the cells found an error (a `sheet.*` error); such a document is not
   * added up (`khuyencong totals` refuses it).
   */
  sheet_errors: boolean;
  /**
   * The reader's findings (`sheet.*`) and the core's, each with its `cell` when it has one
   * (`'Nguồn kinh phí'!D5`, or a row: `'Nguồn kinh phí'!5:5`) — exactly those of
   * `khuyencong check FILE --format json`.
   */
  findings: Finding[];
  /** The document's JSON text (indented) as read from the cells; null when nothing could be read. */
  json: string | null;
}

/** The module to load: a URL, a Response, the bytes or a compiled module. */
export type InitSource = string | URL | Response | BufferSource | WebAssembly.Module;

/** Loads the spreadsheet module (once); in Node it is loaded on import. */
export function init(source?: InitSource): Promise<void>;
/** Loads the spreadsheet module synchronously from its bytes or a compiled module. */
export function initSync(source: BufferSource | WebAssembly.Module): void;
/**
 * Reads a spreadsheet (.xlsx, .xlsm, .csv or .tsv, told by its content) into the documents
 * it holds and checks each one. Never throws for a bad file (its problems are findings);
 * throws a TypeError when `bytes` is not a Uint8Array or `name` not a string.
 */
export function readSpreadsheet(bytes: Uint8Array, name?: string): SheetDocument[];
/** The version of the package. */
export function version(): string;

// Types of the khuyencong package. Results have the shape of the JSON output of the
// `khuyencong` command and the Rust crate, with one rule for integers: every amount of đồng
// and every count is a `bigint` (exact at any size); article and clause numbers and years
// are numbers; shares and ratios are decimal strings ("0.455398").

/** `vi` (the default) or `en`. */
export type Lang = "vi" | "en";
export type Severity = "error" | "warning" | "info";
export type Confidence = "confirmed" | "secondary" | "historical";
export type Exactness = "exact" | "lower_bound" | "approximate";
export type DocumentKind = "scheme" | "plan" | "period_report" | "programme";
export type TotalsKey =
  | "province"
  | "province_now"
  | "period"
  | "year"
  | "fund_level"
  | "source"
  | "activity"
  | "industry"
  | "product_group"
  | "kind";
export type SchemaKind =
  | "document"
  | "scheme"
  | "plan"
  | "period_report"
  | "programme"
  | "findings"
  | "provincial_pack";
export type Verdict = "eligible" | "not_eligible" | "indeterminate";
export type Regime = "regime_2012" | "regime_2025";
/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A decimal number written exactly as a string, e.g. "0.455398". */
export type DecimalString = string;

/** A plain object in the JSON form of a document, JSON text, or JSON bytes. */
export type DocumentInput = Record<string, unknown> | string | Uint8Array;

/** A provision of a national instrument (Điều, Khoản, Điểm). */
export interface Citation {
  /** The instrument's code, e.g. `nd_45_2012`. */
  instrument: string;
  article?: number;
  clause?: number;
  /** The point (Điểm), a Vietnamese letter such as "đ". */
  point?: string;
}

/** A citation with its renderings, as the catalogue and `explain` show it. */
export interface CitationView extends Citation {
  vi: string;
  en: string;
}

/** An article of a provincial People's Council resolution. */
export interface ProvincialCitation {
  province: string;
  resolution: string;
  article: number;
  clause?: number;
  point?: string;
}

/** One problem or observation: the one result type of every check. */
export interface Finding {
  /** Stable code, documented in docs/findings.md and by `explain`. */
  code: string;
  severity: Severity;
  /** JSON Pointer into the input; "" for the whole input. */
  path: string;
  citation?: Citation;
  confidence?: Confidence;
  message_vi: string;
  message_en: string;
  /** JSON Pointers of the facts the finding used. */
  facts?: string[];
  /** The values the messages were rendered from; integers are bigints. */
  params?: Record<string, unknown>;
  /**
   * The cell (or row) the value at `path` was read from, for a document read from a
   * spreadsheet (`khuyencong/sheet`): `'Nguồn kinh phí'!D5`, `'Nguồn kinh phí'!5:5`.
   */
  cell?: string;
}

/** The result of checking one document. */
export interface CheckResult {
  /** null when it cannot be told (a document that cannot be read may still say its kind). */
  kind: DocumentKind | null;
  id: string | null;
  /** Whether the document could be read; when not, its `structure.*` findings say why. */
  readable: boolean;
  /** No finding of severity "error" (warnings are allowed). */
  ok: boolean;
  findings: Finding[];
}

/** A provincial rule pack: the name of a shipped pack (see `packs()`), or the pack itself. */
export type PackInput = string | Record<string, unknown> | Uint8Array;

export interface CheckOptions {
  /** A provincial rule pack, layered over the national levels for local-fund schemes. */
  provincialPack?: PackInput;
}

/** One row of totals. */
export interface TotalsRow {
  /** The value of each grouping key (null: unspecified for these figures). */
  keys: Record<string, string | null>;
  documents: bigint;
  /** Of those, the documents whose check finds errors (their figures are included as stated). */
  documents_with_errors: bigint | null;
  /** Funding by source as stated (top-level lines), in đồng. */
  funding_vnd: bigint;
  /** State support in the results, in đồng. */
  support_vnd: bigint;
  total_investment_vnd: bigint;
  counterpart_vnd: bigint;
  establishments: bigint;
  /** Jobs created, as the documents state them. */
  jobs_created: bigint;
  /** Workers trained, as the documents state them. */
  workers_trained: bigint;
  /** Every other count, by kind (`schemes`, `products_certified`…). */
  counts: Record<string, bigint>;
  exactness: Exactness;
  support_share: DecimalString | null;
  counterpart_per_support: DecimalString | null;
  avg_support_per_establishment_vnd: bigint | null;
}

/** A document totalled, with the number of errors its check finds. */
export interface TotalsDocument {
  /** Its position among the inputs, from 0. */
  index: bigint;
  id: string;
  kind: DocumentKind;
  errors: bigint;
}

/** How a grouping key's text was read (a province name normalised, a former province…). */
export interface KeyNote {
  /** The position of the document among the inputs, from 0. */
  document: bigint;
  key: "province" | "province_now";
  code: string;
  /** The text as the document writes it. */
  text: string;
  /** The value the figures are grouped under. */
  value: string;
  message_vi: string;
  message_en: string;
}

/** Totals: the rows, every document they were made from, and how keys were read. */
export interface Totals {
  rows: TotalsRow[];
  documents: TotalsDocument[];
  notes: KeyNote[];
}

/** A provincial rule pack shipped with the library. */
export interface PackSummary {
  /** The name to pass as `provincialPack`, e.g. "dong-thap-2024". */
  name: string;
  province: string;
  province_code: string | null;
  instrument_vi: string;
  instrument_en: string;
  effective_from: IsoDate | null;
  effective_until: IsoDate | null;
  confidence: Confidence;
  rules: bigint;
  /** An example pack, not a province's real levels. */
  example: boolean;
}

export interface Priority {
  kind: "area" | "industry";
  code: string;
  rank: number;
  citation: Citation;
  confidence: Confidence;
  facts: string[];
}

/** Whether an applicant may receive an activity on a date. */
export interface Assessment {
  verdict: Verdict;
  beneficiary_category: string | null;
  findings: Finding[];
  /** JSON Pointers (into the applicant) of the facts still needed to decide. */
  missing_facts: string[];
  priorities: Priority[];
  sme_status?: string;
  regime: Regime;
  as_of: IsoDate;
  plan_year: number;
  activity: string;
  confidence: Confidence;
}

export interface Step {
  description_vi: string;
  description_en: string;
  value?: bigint;
  citation?: Citation | ProvincialCitation;
}

export interface AssessedLimit {
  status: "assessed";
  assessed: true;
  max_support_vnd: bigint;
  binding: "share" | "cap" | "multiplied_cap" | "lump_sum" | "full_cost";
  eligible_cost_vnd: bigint;
  /** What the cap is counted per (`per_establishment`, `per_model`, …). */
  unit?: string;
  /** How many units the eligible cost covers. */
  units: bigint;
  share_limit_vnd?: bigint;
  cap_per_unit_vnd?: bigint;
  derivation: Step[];
  citation: Citation | ProvincialCitation;
  confidence: Confidence;
  rule_id: string;
  rule_source: "national" | "provincial" | "national_as_reference";
  support_regime: string;
  conditions?: string[];
}

export interface NotAssessedLimit {
  status: "not_assessed";
  assessed: false;
  reason_vi: string;
  reason_en: string;
  citation: Citation | ProvincialCitation;
  support_regime?: string;
  unit?: string;
  rule_id?: string;
}

export type SupportLimit = AssessedLimit | NotAssessedLimit;

export interface SupportOptions {
  /** `national` (the default), `provincial`, `district` or `commune`. */
  fund?: string;
  priority?: boolean;
  technologyLine?: boolean;
  variant?: string;
  provincialPack?: PackInput;
  /** How many units the eligible cost covers (establishments of a group scheme, say); 1 by default. */
  units?: number | bigint;
}

/** An amount read from Vietnamese notation. */
export interface ParsedAmount {
  amount: bigint;
  exactness: Exactness;
}

export interface CatalogItem {
  code: string;
  label_vi: string;
  label_en: string;
  /** label_vi or label_en, as asked. */
  label: string;
  citation: CitationView;
  valid_from: IsoDate;
  valid_until: IsoDate | null;
  confidence: Confidence;
  regimes: { regime: Regime; confidence: Confidence }[];
  [more: string]: unknown;
}

export interface InstrumentItem extends CatalogItem {
  number: string;
  kind: string;
  issued: IsoDate;
  effective: IsoDate;
}

/** Everything valid on a date: instruments and every codelist. */
export interface Catalog {
  as_of: IsoDate;
  regime: Regime;
  support_regime: string;
  instruments: InstrumentItem[];
  activities: CatalogItem[];
  beneficiary_categories: CatalogItem[];
  legal_forms: CatalogItem[];
  industries: CatalogItem[];
  priority_areas: CatalogItem[];
  priority_industries: CatalogItem[];
  funding_sources: CatalogItem[];
  fund_levels: CatalogItem[];
  admin_units: CatalogItem[];
  urban_classes: CatalogItem[];
  typical_product_levels: CatalogItem[];
  typical_product_groups: CatalogItem[];
}

/** What a finding code means. */
export interface Explanation {
  code: string;
  severity: Severity;
  citation: CitationView | null;
  meaning_vi: string;
  meaning_en: string;
  fix_vi: string;
  fix_en: string;
}

/** A value that the law or the library rejects; the message shows both languages. */
export class KhuyencongError extends Error {
  constructor(message_en: string, message_vi?: string);
  readonly message_en: string;
  readonly message_vi: string;
}

/** A document that cannot be read where a readable one is needed (totals). */
export class ValidationError extends KhuyencongError {
  constructor(message_en: string, message_vi?: string, findings?: Finding[]);
  readonly findings: Finding[];
}

/**
 * Loads the WebAssembly module (browsers and bundlers; a no-op in Node): from next to the
 * package's files by default, or from a URL, a Response, the bytes or a compiled module.
 */
export function init(source?: URL | string | Response | BufferSource | WebAssembly.Module): Promise<void>;
/** Loads the WebAssembly module synchronously from its bytes or a compiled module. */
export function initSync(source: BufferSource | WebAssembly.Module): void;

/** Checks one document; a document that cannot be read gives `structure.*` findings. */
export function check(doc: DocumentInput, options?: CheckOptions): CheckResult;
/** Checks documents; one result per input, in order. */
export function checkMany(docs: readonly DocumentInput[], options?: CheckOptions): CheckResult[];
/** Exact totals, grouped by the keys given (none: one grand total), and the documents with their error counts. Throws ValidationError for an unreadable document. */
export function totals(docs: readonly DocumentInput[], by?: readonly TotalsKey[]): Totals;
/** Whether an applicant (its facts as a plain object or JSON text) may receive an activity on a date. */
export function assess(applicant: Record<string, unknown> | string | Uint8Array, activity: string, asOf: IsoDate): Assessment;
/** The most state support for an activity; eligibleCost in đồng (a bigint, an integer number or a string of digits). */
export function maxSupport(activity: string, eligibleCost: bigint | number | string, asOf: IsoDate, options?: SupportOptions): SupportLimit;
/** Reads an amount written in Vietnamese notation ("1.400 triệu đồng", "hơn 15,2 tỷ"). */
export function parseVnd(text: string): ParsedAmount;
/** Instruments and codelists valid on a date, with labels in `lang`. */
export function catalog(asOf: IsoDate, lang?: Lang): Catalog;
/** The provincial rule packs shipped with the library. */
export function packs(): PackSummary[];
/** The JSON Schema (draft 2020-12) of a kind, as plain JSON. */
export function jsonSchema(kind: SchemaKind): Record<string, unknown>;
/** What a finding code means: meaning, fix and basis in both languages. */
export function explain(code: string): Explanation;
/** Every finding code the library can report. */
export function findingCodes(): string[];
/** A citation rendered in a language ("Decree 45/2012/ND-CP, Art. 4(1)(dd)"). */
export function renderCitation(citation: Citation | CitationView | ProvincialCitation, lang?: Lang): string;
/** Reads a citation written in Vietnamese or English. */
export function parseCitation(text: string): Citation;
/** The regime of Decree 45/2012/NĐ-CP in force on a date. */
export function regimeAt(date: IsoDate): Regime;
/** JSON text of a value, with bigints written as exact JSON integers. */
export function toJson(value: unknown, indent?: number): string;
/** The package's version. */
export function version(): string;

// The validator page: documents are checked by the library's WebAssembly module inside
// the page; nothing is sent anywhere (the page's Content-Security-Policy allows no
// connection at all). Every rule and every message comes from the library: this script
// only reads files, shows the text, finds where a JSON Pointer is in it, and lays out the
// findings and totals.
//
// Globals from the page: `wasm_bindgen` (the bound module, a classic script),
// `KHUYENCONG_WASM` (the module, base64), `KHUYENCONG_EXAMPLES` (file name → JSON text) and
// `khuyencong_sheet` (the bindings of the spreadsheet module, whose base64 is in the
// non-executed #sheet-module element: compiled only when a spreadsheet is given).
/* global wasm_bindgen, khuyencong_sheet, KHUYENCONG_WASM, KHUYENCONG_EXAMPLES */
"use strict";

(function () {
  const k = wasm_bindgen;

  class KhuyencongError extends Error {
    constructor(message_en, message_vi = message_en) {
      super(message_en === message_vi ? message_en : `${message_en} / ${message_vi}`);
      this.name = "KhuyencongError";
      this.message_en = message_en;
      this.message_vi = message_vi;
    }
  }
  class ValidationError extends KhuyencongError {
    constructor(message_en, message_vi, findings = []) {
      super(message_en, message_vi);
      this.name = "ValidationError";
      this.findings = findings;
    }
  }

  const TEXT = {
    vi: {
      title: "Kiểm tra văn bản khuyến công",
      privacy:
        "Đề án, kế hoạch và báo cáo được kiểm tra ngay trong trang này, trên máy của bạn: văn bản không được gửi đi đâu cả. Căn cứ: Nghị định số 45/2012/NĐ-CP, được sửa đổi bởi Nghị định số 235/2025/NĐ-CP, và các thông tư hướng dẫn.",
      drop: "Thả tệp JSON hoặc bảng tính đã điền theo mẫu (.xlsx, .csv) — đề án, kế hoạch, báo cáo — vào đây, hoặc",
      choose: "chọn tệp",
      paste: "dán văn bản",
      examples: "— văn bản mẫu —",
      hint: "Sửa trực tiếp văn bản bên dưới: kết quả kiểm tra cập nhật ngay. Tệp .jsonl: mỗi dòng một văn bản.",
      findings: "Kết quả kiểm tra",
      totals: "Tổng hợp",
      footer:
        "khuyencong — mã nguồn mở. Mỗi phát hiện nêu căn cứ pháp lý và mức độ tin cậy; điều chưa được mô hình hóa được báo là chưa đánh giá, không bao giờ đoán.",
      none: "✓ không có vấn đề",
      summary: (e, w, i) => `${e} lỗi, ${w} cảnh báo, ${i} thông tin`,
      severity: { error: "lỗi", warning: "cảnh báo", info: "thông tin" },
      basis: "Căn cứ",
      fix: "Cách sửa",
      confidence: { confirmed: "đã xác nhận", secondary: "nguồn thứ cấp", historical: "văn bản đã hết hiệu lực" },
      whole: "toàn văn bản",
      unreadable: "không đọc được",
      kinds: { scheme: "Đề án", plan: "Kế hoạch", period_report: "Báo cáo" },
      remove: "Bỏ văn bản này",
      pasted: (n) => `văn-bản-dán-${n}.json`,
      docsRead: (n, skipped) =>
        `${n} văn bản đọc được` + (skipped ? `; ${skipped} văn bản không đọc được nên không được cộng` : "") +
        ". Số tiền tính bằng đồng, cộng chính xác; nguồn vốn chỉ tính các dòng cấp trên cùng.",
      grand: "Tổng cộng",
      bySource: "Theo nguồn vốn",
      byActivity: "Theo nội dung hoạt động",
      byFundLevel: "Theo cấp kinh phí",
      unspecified: "(không ghi)",
      notItemised: "(phần không ghi chi tiết)",
      withErrors: (names) => `Văn bản có lỗi vẫn được cộng theo số liệu đã ghi: ${names.join(", ")}.`,
      cols: {
        key: "",
        documents: "Văn bản",
        documents_with_errors: "Có lỗi",
        funding_vnd: "Nguồn vốn (đồng)",
        support_vnd: "Kinh phí hỗ trợ (đồng)",
        total_investment_vnd: "Tổng vốn thực hiện (đồng)",
        counterpart_vnd: "Vốn đối ứng (đồng)",
        establishments: "Cơ sở",
        support_share: "Tỷ lệ hỗ trợ",
        exactness: "Độ chính xác",
      },
      exactness: { exact: "chính xác", lower_bound: "cận dưới (hơn)", approximate: "xấp xỉ" },
      failed: "Không tải được thư viện kiểm tra",
      cell: "Ô",
      fromSheet: "Đọc từ bảng tính: dưới đây là văn bản JSON mà bảng tính thể hiện; mỗi phát hiện nêu ô của nó. Sửa văn bản thì kết quả được kiểm tra lại trên JSON (không còn ô).",
      download: "Tải JSON",
      sheetErrors: (n) => `${n} văn bản từ bảng tính có ô không đọc được nên không được cộng (như lệnh khuyencong totals)`,
      sheetFailed: "Không tải được phần đọc bảng tính",
    },
    en: {
      title: "Industrial-extension document validator",
      privacy:
        "Schemes, plans and reports are checked inside this page, on your computer: documents are never sent anywhere. Basis: Decree 45/2012/NĐ-CP as amended by Decree 235/2025/NĐ-CP, and the circulars that set support levels.",
      drop: "Drop JSON files or filled spreadsheet templates (.xlsx, .csv) — schemes, plans, reports — here, or",
      choose: "choose files",
      paste: "paste a document",
      examples: "— example documents —",
      hint: "Edit the document below: the findings update as you type. .jsonl files: one document per line.",
      findings: "Findings",
      totals: "Totals",
      footer:
        "khuyencong — open source. Every finding cites its legal basis and confidence; what is not modelled is reported as not assessed, never guessed.",
      none: "✓ no findings",
      summary: (e, w, i) => `${e} errors, ${w} warnings, ${i} info`,
      severity: { error: "error", warning: "warning", info: "info" },
      basis: "Basis",
      fix: "Fix",
      confidence: { confirmed: "confirmed", secondary: "secondary source", historical: "historical (repealed)" },
      whole: "whole document",
      unreadable: "unreadable",
      kinds: { scheme: "Scheme", plan: "Plan", period_report: "Report" },
      remove: "Remove this document",
      pasted: (n) => `pasted-${n}.json`,
      docsRead: (n, skipped) =>
        `${n} readable document(s)` + (skipped ? `; ${skipped} unreadable document(s) left out` : "") +
        ". Amounts in đồng, added exactly; funding counts top-level lines only.",
      grand: "Grand total",
      bySource: "By funding source",
      byActivity: "By activity",
      byFundLevel: "By fund level",
      unspecified: "(not stated)",
      notItemised: "(not itemised)",
      withErrors: (names) => `Documents with errors are added up as stated: ${names.join(", ")}.`,
      cols: {
        key: "",
        documents: "Documents",
        documents_with_errors: "With errors",
        funding_vnd: "Funding (đồng)",
        support_vnd: "Support (đồng)",
        total_investment_vnd: "Total investment (đồng)",
        counterpart_vnd: "Counterpart (đồng)",
        establishments: "Establishments",
        support_share: "Support share",
        exactness: "Exactness",
      },
      exactness: { exact: "exact", lower_bound: "lower bound (more than)", approximate: "approximate" },
      failed: "The checking library could not be loaded",
      cell: "Cell",
      fromSheet: "Read from a spreadsheet: below is the JSON document the spreadsheet stands for; each finding names its cell. Edit the text and it is checked again as JSON (without cells).",
      download: "Download JSON",
      sheetErrors: (n) => `${n} document(s) from spreadsheets have cells that could not be read and are left out (as by khuyencong totals)`,
      sheetFailed: "The spreadsheet reader could not be loaded",
    },
  };

  const state = { lang: "vi", docs: [], current: -1, selected: -1, pasted: 0, labels: null };
  const $ = (id) => document.getElementById(id);
  const t = () => TEXT[state.lang];

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null) continue;
      if (name === "class") node.className = value;
      else if (name.startsWith("data-")) node.setAttribute(name, String(value));
      else node[name] = value;
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  // ---- where a JSON Pointer is in the text ------------------------------------------

  function escapeToken(token) {
    return token.replace(/~/g, "~0").replace(/\//g, "~1");
  }

  // Scans JSON text and records, for each value reached, its pointer and where it is:
  // [keyStart, start, end) in UTF-16 offsets. Stops quietly at the first syntax error
  // (the library reports it; values before it are still located).
  function locate(text) {
    const map = new Map();
    const n = text.length;
    let i = 0;
    const ws = () => {
      while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r" || text[i] === "\uFEFF")) i++;
    };
    const fail = () => {
      throw new SyntaxError("stop");
    };
    const string = () => {
      const s = i;
      i++;
      while (i < n && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      if (i >= n) fail();
      i++;
      return [s, i];
    };
    const value = (ptr, keyStart, depth) => {
      if (depth > 256) fail();
      ws();
      const s = i;
      const c = text[i];
      if (c === "{") {
        i++;
        ws();
        if (text[i] === "}") i++;
        else {
          for (;;) {
            ws();
            if (text[i] !== '"') fail();
            const [ks, ke] = string();
            let key;
            try {
              key = JSON.parse(text.slice(ks, ke));
            } catch {
              fail();
            }
            ws();
            if (text[i] !== ":") fail();
            i++;
            value(`${ptr}/${escapeToken(key)}`, ks, depth + 1);
            ws();
            if (text[i] === ",") {
              i++;
              continue;
            }
            if (text[i] === "}") {
              i++;
              break;
            }
            fail();
          }
        }
      } else if (c === "[") {
        i++;
        ws();
        if (text[i] === "]") i++;
        else {
          for (let index = 0; ; index++) {
            value(`${ptr}/${index}`, undefined, depth + 1);
            ws();
            if (text[i] === ",") {
              i++;
              continue;
            }
            if (text[i] === "]") {
              i++;
              break;
            }
            fail();
          }
        }
      } else if (c === '"') {
        string();
      } else {
        while (i < n && /[-+.0-9a-zA-Z]/.test(text[i])) i++;
        if (!/^(true|false|null|-?\d+(\.\d+)?([eE][-+]?\d+)?)$/.test(text.slice(s, i))) fail();
      }
      map.set(ptr, { keyStart: keyStart === undefined ? s : keyStart, start: s, end: i, container: c === "{" || c === "[" });
    };
    try {
      value("", undefined, 0);
    } catch {
      // Located up to the error.
    }
    return map;
  }

  // The offset of a 1-based line and column, the column counted in characters (as the
  // library's JSON reader counts it).
  function offsetOf(text, line, column) {
    let offset = 0;
    for (let l = 1; l < line; l++) {
      const next = text.indexOf("\n", offset);
      if (next < 0) return text.length;
      offset = next + 1;
    }
    let chars = 0;
    while (offset < text.length && text[offset] !== "\n" && chars < column - 1) {
      const code = text.codePointAt(offset);
      chars += 1;
      offset += code >= 0x10000 ? 2 : 1;
    }
    return offset;
  }

  // What to mark of a located value: a key and its value; for an object or array, the key
  // and the opening bracket (its members have marks of their own) — or, for an element of
  // an array, which has no key, the whole element when it is short.
  function span(r) {
    if (!r.container) return { start: r.keyStart, end: r.end };
    if (r.keyStart === r.start && r.end - r.start <= 1500) return { start: r.start, end: r.end };
    return { start: r.keyStart, end: r.start + 1 };
  }

  // The range to highlight for a finding: its path (or, for a field that is not there,
  // the nearest enclosing value), the field a structural finding names, or the line and
  // column of a syntax error.
  function rangeOf(doc, f) {
    const map = doc.map;
    const params = f.params || {};
    if (typeof params.field === "string" && map.has(`${f.path}/${escapeToken(params.field)}`)) {
      return span(map.get(`${f.path}/${escapeToken(params.field)}`));
    }
    // A syntax error carries its line and column (and the pointer of the value being read,
    // which the unreadable text cannot be searched for).
    if (typeof params.line === "bigint" && typeof params.column === "bigint") {
      const at = offsetOf(doc.text, Number(params.line), Number(params.column));
      return { start: Math.max(0, at - 1), end: Math.min(doc.text.length, at + 1) };
    }
    let ptr = f.path;
    for (;;) {
      const r = map.get(ptr);
      if (r) {
        // The whole document is not highlighted: the finding is about all of it.
        if (ptr === "") return null;
        return span(r);
      }
      if (ptr === "") return null;
      ptr = ptr.slice(0, ptr.lastIndexOf("/"));
    }
  }

  // ---- documents ------------------------------------------------------------------

  // `sheet`: the result of the spreadsheet module for a document read from a spreadsheet
  // (findings with cells), kept until the text is edited.
  function addDocument(name, text, bytes, sheet) {
    const doc = { name, text, bytes: bytes || null, sheet: sheet || null, fromSheet: Boolean(sheet), result: null, map: null };
    state.docs.push(doc);
    checkDocument(doc);
    return doc;
  }

  function checkDocument(doc) {
    doc.result =
      doc.sheet !== null
        ? { kind: doc.sheet.kind, id: doc.sheet.id, readable: doc.sheet.readable, ok: doc.sheet.ok, findings: doc.sheet.findings }
        : k.check(doc.bytes !== null ? doc.bytes : doc.text);
    doc.map = locate(doc.text);
    doc.ranges = doc.result.findings.map((f) => rangeOf(doc, f));
  }

  // The spreadsheet module, compiled on first use (from the page itself: no request).
  const SHEET = /\.(xlsx|xlsm|csv|tsv)$/i;
  let sheetReady = null;
  function sheetModule() {
    if (sheetReady === null) {
      const binary = atob($("sheet-module").textContent.trim());
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      sheetReady = khuyencong_sheet({ module_or_path: bytes }).then(() => {
        document.body.dataset.sheet = "loaded";
        return khuyencong_sheet;
      });
    }
    return sheetReady;
  }

  // The documents of one file, read but not yet added: [name, text, bytes or null, sheet
  // result or null]. A spreadsheet (told by its name, as the command does) gives the
  // documents it holds, checked with their cells, as `khuyencong check FILE.xlsx`.
  function readFile(file) {
    return file.arrayBuffer().then((buffer) => {
      const bytes = new Uint8Array(buffer);
      if (SHEET.test(file.name)) {
        return sheetModule().then((sheet) => {
          const docs = sheet.readSpreadsheet(bytes, file.name);
          return docs.map((d, i) => [docs.length > 1 ? `${file.name} #${i + 1}` : file.name, d.json === null ? "" : d.json, null, d]);
        });
      }
      let text;
      let valid = true;
      try {
        // ignoreBOM keeps a byte-order mark in the text, where the library reports it.
        text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
      } catch {
        valid = false;
        text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
      }
      if (!/\.(jsonl|ndjson)$/i.test(file.name)) {
        // Bytes that are not UTF-8 are checked as they are; the text shown is a lossy view.
        return [[file.name, text, valid ? null : bytes, null]];
      }
      const out = [];
      text.split("\n").forEach((line, index) => {
        if (line.trim() !== "") out.push([`${file.name}:${index + 1}`, line.replace(/\r$/, ""), null, null]);
      });
      return out;
    });
  }

  // Adds the files' documents in the order given, and shows the first.
  function addFiles(files) {
    const list = Array.from(files || []);
    if (list.length === 0) return Promise.resolve();
    return Promise.all(list.map(readFile))
      .then((read) => {
        const first = state.docs.length;
        for (const [name, text, bytes, sheet] of read.flat()) addDocument(name, text, bytes, sheet);
        if (state.docs.length > first) select(first);
        renderAll();
      })
      .catch((e) => {
        $("intake").append(el("p", { class: "error" }, `${t().sheetFailed}: ${e}`));
      });
  }

  function select(index) {
    state.current = index;
    state.selected = -1;
    const doc = state.docs[index];
    if (doc) {
      $("source").value = doc.text;
      $("source").scrollTop = 0;
      $("source").scrollLeft = 0;
    }
  }

  // ---- rendering --------------------------------------------------------------------

  function counts(findings) {
    const c = { error: 0, warning: 0, info: 0 };
    for (const f of findings) c[f.severity]++;
    return c;
  }

  function renderStatic() {
    document.documentElement.lang = state.lang;
    for (const node of document.querySelectorAll("[data-t]")) {
      node.textContent = t()[node.getAttribute("data-t")];
    }
    for (const b of document.querySelectorAll("[data-lang]")) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === state.lang));
    }
    const examples = $("examples");
    examples.replaceChildren(el("option", { value: "" }, t().examples));
    for (const name of Object.keys(KHUYENCONG_EXAMPLES)) {
      examples.append(el("option", { value: name }, name));
    }
  }

  function renderDocs() {
    const nav = $("docs");
    nav.replaceChildren();
    state.docs.forEach((doc, index) => {
      const c = counts(doc.result.findings);
      const status = !doc.result.readable ? "unreadable" : c.error > 0 ? "error" : c.warning > 0 ? "warning" : "ok";
      const tab = el(
        "button",
        { type: "button", class: `doc-tab ${status}${index === state.current ? " current" : ""}`, "data-index": index, "data-status": status },
        el("span", { class: "doc-name" }, doc.name),
        el("span", { class: "badge" }, !doc.result.readable ? t().unreadable : `${c.error} · ${c.warning} · ${c.info}`),
      );
      tab.addEventListener("click", () => {
        select(index);
        renderAll();
      });
      const remove = el("button", { type: "button", class: "remove", title: t().remove, "aria-label": t().remove }, "×");
      remove.addEventListener("click", (event) => {
        event.stopPropagation();
        state.docs.splice(index, 1);
        if (state.current >= state.docs.length) state.current = state.docs.length - 1;
        select(state.current);
        renderAll();
      });
      nav.append(el("span", { class: "doc-item" }, tab, remove));
    });
  }

  function citationText(f) {
    if (!f.citation) return null;
    try {
      return k.renderCitation(f.citation, state.lang);
    } catch {
      return null;
    }
  }

  function renderFindings() {
    const doc = state.docs[state.current];
    const list = $("finding-list");
    list.replaceChildren();
    if (!doc) return;
    const r = doc.result;
    $("doc-kind").textContent = !r.readable ? t().unreadable : t().kinds[r.kind] || r.kind;
    $("doc-id").textContent = r.id === null ? "" : r.id;
    const c = counts(r.findings);
    $("summary").textContent = r.findings.length === 0 ? t().none : t().summary(c.error, c.warning, c.info);
    $("summary").className = r.findings.length === 0 ? "ok" : c.error > 0 ? "error" : "warning";
    $("doc-status").textContent = r.ok ? "✓" : "✗";
    $("doc-status").className = r.ok ? "ok" : "error";
    $("sheet-note").hidden = !doc.fromSheet;
    $("sheet-note").textContent = t().fromSheet;
    $("download").hidden = !doc.fromSheet;
    $("download").textContent = t().download;
    r.findings.forEach((f, index) => {
      const message = state.lang === "vi" ? f.message_vi : f.message_en;
      let explained = null;
      try {
        explained = k.explain(f.code);
      } catch {
        explained = null;
      }
      const basis = citationText(f);
      const item = el(
        "li",
        {
          class: `finding ${f.severity}${index === state.selected ? " selected" : ""}`,
          tabIndex: 0,
          "data-code": f.code,
          "data-path": f.path,
          "data-severity": f.severity,
        },
        el(
          "div",
          { class: "finding-head" },
          el("span", { class: `sev ${f.severity}` }, t().severity[f.severity]),
          el("code", { class: "path" }, f.path === "" ? `/ (${t().whole})` : f.path),
          el("code", { class: "code" }, f.code),
          f.cell ? el("code", { class: "cell", title: t().cell }, f.cell) : null,
        ),
        el("p", { class: "message" }, message),
        basis
          ? el(
              "p",
              { class: "basis" },
              `${t().basis}: `,
              el("span", { class: "citation" }, basis),
              f.confidence ? ` (${t().confidence[f.confidence] || f.confidence})` : null,
            )
          : null,
        explained ? el("p", { class: "fix" }, `${t().fix}: `, state.lang === "vi" ? explained.fix_vi : explained.fix_en) : null,
      );
      const choose = () => {
        state.selected = index;
        renderFindingsSelection();
        renderMarks();
        reveal(doc.ranges[index]);
      };
      item.addEventListener("click", choose);
      item.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          choose();
        }
      });
      list.append(item);
    });
  }

  function renderFindingsSelection() {
    $("finding-list").querySelectorAll(".finding").forEach((node, index) => {
      node.classList.toggle("selected", index === state.selected);
    });
  }

  const RANK = { error: 3, warning: 2, info: 1 };

  // The backdrop behind the text area: the same text, transparent, with marks where the
  // findings are (the most serious finding colours a character; the chosen one is outlined).
  function renderMarks() {
    const doc = state.docs[state.current];
    const backdrop = $("backdrop");
    backdrop.replaceChildren();
    if (!doc) return;
    const text = doc.text;
    const points = new Set([0, text.length]);
    const spans = [];
    doc.result.findings.forEach((f, index) => {
      const r = doc.ranges[index];
      if (!r || r.end <= r.start) return;
      spans.push({ start: r.start, end: r.end, severity: f.severity, index, path: f.path });
      points.add(r.start);
      points.add(r.end);
    });
    const cuts = Array.from(points).sort((a, b) => a - b);
    for (let c = 0; c + 1 < cuts.length; c++) {
      const a = cuts[c];
      const b = cuts[c + 1];
      const piece = text.slice(a, b);
      const over = spans.filter((s) => s.start <= a && s.end >= b);
      if (over.length === 0) {
        backdrop.append(document.createTextNode(piece));
        continue;
      }
      over.sort((x, y) => RANK[y.severity] - RANK[x.severity]);
      const chosen = over.some((s) => s.index === state.selected);
      backdrop.append(
        el("mark", { class: `${over[0].severity}${chosen ? " selected" : ""}`, "data-path": over[0].path }, piece),
      );
    }
    // A final line break keeps the last line's height equal to the text area's.
    backdrop.append(document.createTextNode("\n "));
    syncScroll();
  }

  function syncScroll() {
    const source = $("source");
    const backdrop = $("backdrop");
    backdrop.scrollTop = source.scrollTop;
    backdrop.scrollLeft = source.scrollLeft;
  }

  function reveal(range) {
    const source = $("source");
    if (!range) return;
    const before = source.value.slice(0, range.start);
    const line = before.split("\n").length - 1;
    const lineHeight = parseFloat(getComputedStyle(source).lineHeight) || 18;
    source.scrollTop = Math.max(0, (line - 4) * lineHeight);
    const column = range.start - (before.lastIndexOf("\n") + 1);
    source.scrollLeft = Math.max(0, column * 7 - 80);
    source.setSelectionRange(range.start, range.end);
    syncScroll();
  }

  // Labels of codes (funding sources, activities, fund levels) from the library's
  // catalogue, merged over the dates where the lists changed.
  function labels() {
    if (state.labels) return state.labels;
    const out = { vi: new Map(), en: new Map() };
    for (const date of ["2012-07-05", "2018-06-01", "2025-06-30", "2025-10-15"]) {
      let c;
      try {
        c = k.catalog(date, "vi");
      } catch {
        continue;
      }
      for (const list of ["funding_sources", "activities", "fund_levels"]) {
        for (const item of c[list] || []) {
          out.vi.set(item.code, item.label_vi);
          out.en.set(item.code, item.label_en);
        }
      }
    }
    state.labels = out;
    return out;
  }

  function amount(value) {
    if (value === null || value === undefined) return "—";
    if (typeof value === "bigint") return value.toLocaleString(state.lang === "vi" ? "vi-VN" : "en-GB");
    return String(value);
  }

  function share(value) {
    if (value === null || value === undefined) return "—";
    return state.lang === "vi" ? value.replace(".", ",") : value;
  }

  const COLUMNS = ["documents", "documents_with_errors", "funding_vnd", "support_vnd", "total_investment_vnd", "counterpart_vnd", "establishments", "support_share", "exactness"];

  function table(title, rows, key) {
    const head = el("tr", {}, el("th", {}, ""), ...COLUMNS.map((c) => el("th", {}, t().cols[c])));
    const body = rows.map((row) => {
      const value = key === null ? null : row.keys[key];
      const name =
        key === null
          ? t().grand
          : value === null
            ? t().unspecified
            : value === "not_itemised"
              ? t().notItemised
              : labels()[state.lang].get(value) || value;
      return el(
        "tr",
        { "data-key": key === null ? "" : row.keys[key] === null ? "null" : row.keys[key] },
        el("th", { scope: "row" }, name),
        ...COLUMNS.map((c) => {
          const v = row[c];
          const shown = c === "support_share" ? share(v) : c === "exactness" ? t().exactness[v] || v : amount(v);
          return el("td", { class: typeof v === "bigint" ? "num" : "", "data-field": c, "data-value": v === null ? "null" : String(v) }, shown);
        }),
      );
    });
    return el(
      "section",
      { class: "totals-table", "data-by": key === null ? "" : key },
      el("h3", {}, title),
      el("table", {}, el("thead", {}, head), el("tbody", {}, ...body)),
    );
  }

  function renderTotals() {
    // A spreadsheet document with a cell that could not be read is left out, as the
    // command's totals refuse it.
    const refused = state.docs.filter((d) => d.result.readable && d.sheet !== null && d.sheet.sheet_errors);
    const readable = state.docs.filter((d) => d.result.readable && !refused.includes(d));
    const section = $("totals");
    section.hidden = state.docs.length === 0;
    const tables = $("totals-tables");
    tables.replaceChildren();
    const note = $("totals-note");
    note.textContent = t().docsRead(readable.length, state.docs.length - readable.length - refused.length);
    if (refused.length > 0) note.textContent += ` ${t().sheetErrors(refused.length)}.`;
    if (readable.length === 0) return;
    const inputs = readable.map((d) => (d.bytes !== null ? d.bytes : d.text));
    try {
      const grand = k.totals(inputs, []);
      // Documents with errors are added up as stated, and named.
      const faulty = grand.documents.filter((d) => d.errors > 0n).map((d) => readable[Number(d.index)].name);
      if (faulty.length > 0) note.textContent += ` ${t().withErrors(faulty)}`;
      tables.append(table(t().grand, grand.rows, null));
      tables.append(table(t().bySource, k.totals(inputs, ["source"]).rows, "source"));
      tables.append(table(t().byActivity, k.totals(inputs, ["activity"]).rows, "activity"));
      tables.append(table(t().byFundLevel, k.totals(inputs, ["fund_level"]).rows, "fund_level"));
    } catch (e) {
      tables.append(el("p", { class: "error" }, state.lang === "vi" ? e.message_vi || e.message : e.message_en || e.message));
    }
  }

  function renderAll() {
    $("work").hidden = state.docs.length === 0;
    renderDocs();
    renderFindings();
    renderMarks();
    renderTotals();
  }

  // ---- events -----------------------------------------------------------------------

  let timer = null;
  function edited() {
    const doc = state.docs[state.current];
    if (!doc) return;
    doc.text = $("source").value;
    doc.bytes = null;
    doc.sheet = null;
    clearTimeout(timer);
    timer = setTimeout(() => {
      checkDocument(doc);
      state.selected = -1;
      renderAll();
      document.body.dataset.checks = String(Number(document.body.dataset.checks || 0) + 1);
    }, 150);
  }

  function wire() {
    for (const b of document.querySelectorAll("[data-lang]")) {
      b.addEventListener("click", () => {
        state.lang = b.getAttribute("data-lang");
        renderStatic();
        renderAll();
      });
    }
    $("file").addEventListener("change", (event) => {
      addFiles(event.target.files).then(() => {
        event.target.value = "";
      });
    });
    const drop = $("drop");
    for (const type of ["dragenter", "dragover"]) {
      document.addEventListener(type, (event) => {
        event.preventDefault();
        drop.classList.add("over");
      });
    }
    document.addEventListener("dragleave", (event) => {
      if (event.target === document.documentElement || event.target === drop) drop.classList.remove("over");
    });
    document.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("over");
      addFiles(event.dataTransfer && event.dataTransfer.files);
    });
    $("paste").addEventListener("click", () => {
      state.pasted++;
      addDocument(t().pasted(state.pasted), "", null);
      select(state.docs.length - 1);
      renderAll();
      $("source").focus();
    });
    document.addEventListener("paste", (event) => {
      if (event.target === $("source")) return;
      const text = event.clipboardData && event.clipboardData.getData("text");
      if (!text) return;
      event.preventDefault();
      state.pasted++;
      addDocument(t().pasted(state.pasted), text, null);
      select(state.docs.length - 1);
      renderAll();
    });
    $("examples").addEventListener("change", (event) => {
      const name = event.target.value;
      if (name && Object.prototype.hasOwnProperty.call(KHUYENCONG_EXAMPLES, name)) {
        addDocument(name, KHUYENCONG_EXAMPLES[name], null);
        select(state.docs.length - 1);
        renderAll();
      }
      event.target.value = "";
    });
    $("source").addEventListener("input", edited);
    $("download").addEventListener("click", () => {
      const doc = state.docs[state.current];
      if (!doc) return;
      const url = URL.createObjectURL(new Blob([doc.text], { type: "application/json" }));
      // "plan.xlsx" → "plan.json", "plans.xlsx #2" → "plans-2.json".
      const base = doc.name.replace(/ #(\d+)$/, "-$1").replace(/\.(xlsx|xlsm|csv|tsv)(-\d+)?$/i, "$2");
      const a = el("a", { href: url, download: `${base}.json` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
    $("source").addEventListener("scroll", syncScroll);
  }

  function start() {
    // Vietnamese first; `?lang=en` opens the page in English.
    state.lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "vi";
    renderStatic();
    const binary = atob(KHUYENCONG_WASM);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    k({ module_or_path: bytes })
      .then(() => {
        k.__setErrorClasses(KhuyencongError, ValidationError);
        wire();
        document.body.dataset.ready = "true";
        document.body.dataset.version = k.version();
      })
      .catch((e) => {
        document.body.dataset.ready = "failed";
        $("intake").append(el("p", { class: "error" }, `${TEXT.vi.failed} / ${TEXT.en.failed}: ${e}`));
      });
  }

  start();
})();

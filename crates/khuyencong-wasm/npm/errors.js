// The exceptions of khuyencong. A value that the law or the library rejects throws
// KhuyencongError, with messages in English and Vietnamese (message_en, message_vi; the
// message shows both). A document that cannot be read where a readable one is needed
// (totals) throws ValidationError, whose findings say what and where. A value of the wrong
// type throws a plain TypeError.

export class KhuyencongError extends Error {
  constructor(message_en, message_vi = message_en) {
    super(message_en === message_vi ? message_en : `${message_en} / ${message_vi}`);
    this.name = "KhuyencongError";
    this.message_en = message_en;
    this.message_vi = message_vi;
  }
}

export class ValidationError extends KhuyencongError {
  constructor(message_en, message_vi = message_en, findings = []) {
    super(message_en, message_vi);
    this.name = "ValidationError";
    this.findings = findings;
  }
}

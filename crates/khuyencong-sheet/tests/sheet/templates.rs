use khuyencong_sheet::{
    Format, TemplateOptions, document_kinds, read_bytes_as_documents, template,
};

#[test]
fn every_template_reads_back_as_its_example() {
    for kind in document_kinds() {
        for format in [Format::Xlsx, Format::Csv] {
            let bytes = template(&kind, format, &TemplateOptions::default()).expect("template");
            let ext = if format == Format::Xlsx {
                "xlsx"
            } else {
                "csv"
            };
            std::fs::write(format!("/tmp/sh/{kind}.{ext}"), &bytes).ok();
            let docs = read_bytes_as_documents(&bytes, &format!("{kind}.{ext}"), None);
            for d in &docs {
                eprintln!("{kind} {ext}: {:?} {:?}", d.kind, d.id);
                for f in &d.findings {
                    eprintln!("   {} {} {:?} {}", f.code, f.path, f.cell, f.message_en);
                }
            }
        }
    }
}

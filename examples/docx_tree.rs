//! Prints the DOCX tree of one document of a meeting, or writes its DOCX (development aid).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let engine = hoinghi::Engine::new(hoinghi::Settings::default()).unwrap();
    let prepared = engine.prepare(std::path::Path::new(&args[1])).unwrap();
    let kind: hoinghi::DocKind = args[2].parse().unwrap();
    let r = engine.typeset(&prepared, kind, "x").unwrap();
    if let Some(out) = args.get(3) {
        let docx = hoinghi::docx::write(&r.typeset.document, &Default::default()).unwrap();
        std::fs::write(out, &docx.bytes).unwrap();
        std::fs::write(format!("{out}.pdf"), &r.typeset.pdf).unwrap();
    } else {
        println!("{}", hoinghi::docx::dump(&r.typeset.document));
    }
}

//! Bundles every `*.toml` file of `catalog/` into the library, in name order, with
//! `catalog.toml` first: adding a domain file to the directory is enough to ship it.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("questionnaire/catalog/ must exist")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.ends_with(".toml").then_some(name)
        })
        .collect();
    names.sort_by_key(|name| (name != "catalog.toml", name.clone()));
    let mut code = String::from(
        "/// The bundled catalog files, header first.\npub(crate) const FILES: &[(&str, &str)] = &[\n",
    );
    for name in names {
        let path = dir.join(&name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("bundled_catalog.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

//! The default theme (`templates/`, `static/`) is embedded in the binary
//! (src/theme_files.rs): cargo compiles the crate again when a file in
//! those folders is changed, added or removed.

fn main() {
    println!("cargo::rerun-if-changed=templates");
    println!("cargo::rerun-if-changed=static");
}

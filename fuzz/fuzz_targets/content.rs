#![no_main]
//! Any input as a content document: loaded, checked, resolved and rendered
//! with the project's templates. See accord::fuzzing.
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn theme() -> &'static accord::render::theme::Theme {
    static THEME: OnceLock<accord::render::theme::Theme> = OnceLock::new();
    THEME.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        accord::render::theme::Theme::load(&root.join("templates"), &root.join("static")).expect("the project's theme loads")
    })
}

fuzz_target!(|data: &[u8]| {
    accord::fuzzing::content(data, Some(theme()));
});

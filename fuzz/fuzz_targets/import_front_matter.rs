#![no_main]
//! Any input through the importer's front matter reader: see accord::fuzzing.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    accord::fuzzing::import_format(accord::import::Format::FrontMatter, data);
});

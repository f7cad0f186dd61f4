#![no_main]
//! Any input through the importer's blocks reader: see accord::fuzzing.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    accord::fuzzing::import_format(accord::import::Format::Blocks, data);
});

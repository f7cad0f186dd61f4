//! A fast hash for the maps keyed by ids and citation keys (FxHash, the
//! hash of rustc, from the `rustc-hash` crate): content is not hostile
//! input, and with the standard SipHash hashing was a tenth of the check
//! stage on a large site.

pub(super) type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub(super) type FxSet<K> = rustc_hash::FxHashSet<K>;

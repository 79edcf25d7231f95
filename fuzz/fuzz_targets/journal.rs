//! The journal loader on arbitrary bytes: never a panic, and what it
//! accepts round-trips unchanged.
#![no_main]

use allyship::journal::Journal;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(journal) = serde_json::from_slice::<Journal>(data) {
        let again = serde_json::to_vec(&journal).expect("a journal serialises");
        let back: Journal = serde_json::from_slice(&again).expect("what was written reads back");
        assert_eq!(back, journal);
    }
});

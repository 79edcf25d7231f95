//! The sanitiser on arbitrary text: what it gives holds no control
//! character but line breaks and tabs, printable text passes unchanged, and
//! cleaning twice changes nothing more (RELIABILITY 28).
#![no_main]

use allyship::sanitise::{is_unsafe, printable};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let shown = printable(&text);
    assert!(!shown.chars().any(is_unsafe), "{shown:?}");
    if !text.chars().any(is_unsafe) {
        assert_eq!(shown, text);
    }
    assert_eq!(printable(&shown), shown);
});

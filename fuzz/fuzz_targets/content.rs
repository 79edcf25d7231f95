//! The toolkit loader on arbitrary bytes: never a panic, and what it
//! accepts loads again unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Some(toolkit) = allyship::content::load(text).toolkit {
            let again = serde_json::to_string(&toolkit).expect("a toolkit serialises");
            assert_eq!(allyship::content::load(&again).toolkit, Some(toolkit));
        }
    }
});

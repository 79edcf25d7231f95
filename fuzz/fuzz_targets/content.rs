//! The toolkit loader on arbitrary bytes: never a panic, what it accepts
//! loads again unchanged, and holds no control character anywhere.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Some(toolkit) = allyship::content::load(text).toolkit {
            let again = serde_json::to_string(&toolkit).expect("a toolkit serialises");
            let value: serde_json::Value = serde_json::from_str(&again).expect("JSON");
            assert!(!has_control(&value), "accepted a control character: {again}");
            assert_eq!(allyship::content::load(&again).toolkit, Some(toolkit));
        }
    }
});

fn has_control(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::String(s) => s.chars().any(char::is_control),
        serde_json::Value::Array(items) => items.iter().any(has_control),
        serde_json::Value::Object(map) => map.values().any(has_control),
        _ => false,
    }
}

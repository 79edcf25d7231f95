//! Opening web addresses: in the browser where one can start, and always
//! showing the full address so it can be copied (over SSH, on a locked-down
//! computer). Never waits for the browser.

/// Whether a browser could plausibly start here: on Linux and other Unix
/// desktops that needs a display; macOS and Windows always have one.
pub fn browser_possible(display: Option<&str>, wayland: Option<&str>) -> bool {
    if cfg!(any(target_os = "macos", target_os = "windows")) {
        return true;
    }
    let set = |v: Option<&str>| v.is_some_and(|v| !v.is_empty());
    set(display) || set(wayland)
}

/// Opens `url` in the browser if one can start, and returns the line to
/// show: what happened, with the full address either way.
pub fn open_in_browser(url: &str) -> String {
    let display = std::env::var("DISPLAY").ok();
    let wayland = std::env::var("WAYLAND_DISPLAY").ok();
    if !browser_possible(display.as_deref(), wayland.as_deref()) {
        return format!("No browser can open here. The address is: {url}");
    }
    match open::that_detached(url) {
        Ok(()) => format!("Opening in your browser: {url}"),
        Err(_) => format!("The browser could not be opened. The address is: {url}"),
    }
}

/// The terminal sequence (OSC 52) that asks the terminal to put `text` on
/// the clipboard; it works over SSH, and terminals that don't support it
/// ignore it.
pub fn osc52(text: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut encoded = String::with_capacity(text.len().div_ceil(3) * 4);
    for chunk in text.as_bytes().chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                let index = (n >> (18 - 6 * i)) & 63;
                encoded.push(char::from(ALPHABET[index as usize]));
            } else {
                encoded.push('=');
            }
        }
    }
    format!("\x1b]52;c;{encoded}\x07")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_in_base64() {
        assert_eq!(osc52(""), "\x1b]52;c;\x07");
        assert_eq!(osc52("f"), "\x1b]52;c;Zg==\x07");
        assert_eq!(osc52("fo"), "\x1b]52;c;Zm8=\x07");
        assert_eq!(osc52("foo"), "\x1b]52;c;Zm9v\x07");
        assert_eq!(
            osc52("https://example.org/a?b=1"),
            "\x1b]52;c;aHR0cHM6Ly9leGFtcGxlLm9yZy9hP2I9MQ==\x07"
        );
    }

    #[test]
    fn without_a_display_no_browser_is_tried() {
        if cfg!(any(target_os = "macos", target_os = "windows")) {
            return;
        }
        assert!(!browser_possible(None, None));
        assert!(!browser_possible(Some(""), None));
        assert!(browser_possible(Some(":0"), None));
        assert!(browser_possible(None, Some("wayland-0")));
    }
}

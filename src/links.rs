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

#[cfg(test)]
mod tests {
    use super::*;

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

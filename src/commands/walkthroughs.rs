//! `walkthroughs`: the facilitator's log of walkthroughs given with
//! `present`, as plain lines or JSON.

use super::Output;
use crate::toolkit::content::Toolkit;

/// `allyship walkthroughs`: the facilitator's log as plain lines or JSON.
pub fn walkthroughs(toolkit: &Toolkit, data_dir: Option<std::path::PathBuf>, json: bool) -> Output {
    use crate::present::log;
    let listed = crate::journal::store::data_dir(data_dir)
        .map_err(|e| e.to_string())
        .and_then(|dir| log::list(&dir).map_err(|e| e.to_string()));
    match listed {
        Ok(records) if json => Output {
            stdout: log::json(&records),
            stderr: String::new(),
            code: 0,
        },
        Ok(records) => Output {
            stdout: log::plain(&records, toolkit, &jiff::tz::TimeZone::system()),
            stderr: String::new(),
            code: 0,
        },
        Err(e) => Output {
            stdout: String::new(),
            stderr: format!("The walkthroughs can't be listed: {e}.\n"),
            code: 1,
        },
    }
}

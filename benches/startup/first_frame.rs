//! Time to first frame as a person sees it: the program is started in a raw
//! 80x24 pseudo-terminal and timed until the toolkit's name arrives on the
//! terminal, not until it exits. `less` showing the same first screen is
//! timed the same way, turn about with allyship in one run, so both see the
//! same load on the machine; the figure that matters is the ratio.

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use std::os::unix::process::CommandExt;
use std::process::Command;

use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

/// Median times to first output of each build of allyship and of `less`.
pub struct SideBySide {
    /// One median for each binary given, in the same order.
    pub allyship: Vec<Duration>,
    pub less: Duration,
    pub runs: usize,
}

impl SideBySide {
    /// The `k`th binary's first frame as a multiple of `less`'s.
    pub fn ratio(&self, k: usize) -> f64 {
        self.allyship[k].as_secs_f64() / self.less.as_secs_f64()
    }
}

/// Runs each binary (built-in toolkit, empty data folder) and `less` on the
/// same first screen, `runs` times each, turn about (who goes first moves on
/// by one every round), after a few warm-ups.
pub fn side_by_side(bins: &[&str], data: &Path, first_screen: &Path, runs: usize) -> SideBySide {
    let less_marker = first_line(first_screen);
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(runs); bins.len() + 1];
    for round in 0..runs + 3 {
        // Who goes first takes turns: a start straight after another one
        // measured up to 0.3 ms slower here, which would favour one side.
        for turn in 0..=bins.len() {
            let k = (round + turn) % (bins.len() + 1);
            let time = match bins.get(k) {
                Some(bin) => {
                    // `allyship` as a person types it, with no arguments, in
                    // a data folder emptied before every run (it is stopped
                    // once the frame is there, whatever it has begun to
                    // write).
                    let _ = std::fs::remove_dir_all(data);
                    std::fs::create_dir_all(data).expect("an empty data folder");
                    let mut allyship = Command::new(bin);
                    allyship.env("ALLYSHIP_DATA_DIR", data);
                    time_to(allyship, "Allyship toolkit")
                }
                None => {
                    let mut less = Command::new("less");
                    less.arg(first_screen);
                    time_to(less, &less_marker)
                }
            };
            if round >= 3 {
                times[k].push(time);
            }
        }
    }
    let less = median(&mut times[bins.len()]);
    SideBySide {
        allyship: times[..bins.len()].iter_mut().map(|t| median(t)).collect(),
        less,
        runs,
    }
}

/// The first line of the text `less` shows: what to wait for.
fn first_line(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("the first screen was written");
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    // A few words are enough, and stay on one row at 80 columns.
    line.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Starts `command` in a fresh 80x24 pseudo-terminal and returns how long
/// it took until `marker` appeared in its output; the program is then
/// stopped. The terminal is opened with rustix and the program started with
/// `std::process::Command`, so nothing else is timed (portable-pty's spawn
/// added about 40 ms to every start here, which hid the difference).
fn time_to(mut command: Command, marker: &str) -> Duration {
    command.env("TERM", "xterm-256color");
    command.env_remove("NO_COLOR");
    // None of the person's `less` options, and no history file written.
    command.env("LESS", "");
    command.env("LESSHISTFILE", "-");
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)
        .expect("a pseudo-terminal");
    grantpt(&master).expect("grantpt");
    unlockpt(&master).expect("unlockpt");
    let name = ptsname(&master, Vec::new()).expect("the terminal's name");
    let terminal = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(name.to_str().expect("a UTF-8 name"))
        .expect("open the terminal");
    let size = Winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    tcsetwinsize(&terminal, size).expect("set the size");
    let mut reader = std::fs::File::from(master);
    command
        .stdin(terminal.try_clone().expect("dup"))
        .stdout(terminal.try_clone().expect("dup"))
        .stderr(terminal)
        .process_group(0);
    let start = Instant::now();
    let mut child = command.spawn().expect("the program starts");
    // Only the child holds the terminal now, so its exit ends the reading.
    drop(command);
    let mut seen = Vec::new();
    let mut buffer = [0u8; 8192];
    let elapsed = loop {
        match reader.read(&mut buffer) {
            Ok(0) | Err(_) => break None,
            Ok(n) => {
                seen.extend_from_slice(&buffer[..n]);
                if contains(&seen, marker.as_bytes()) {
                    break Some(start.elapsed());
                }
            }
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    elapsed.unwrap_or_else(|| {
        panic!(
            "{marker:?} never arrived; the terminal showed {:?}",
            String::from_utf8_lossy(&seen)
        )
    })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

//! Start-up and whole-process figures, measured from outside on an installed
//! copy of the release binary (on Linux the statically linked build the
//! README installs, made under `target/bench-startup/static-build`) in a
//! pseudo-terminal (`script`), with hyperfine for time and `/usr/bin/time`
//! for peak memory:
//!
//! - start to first frame (`--first-frame` draws one frame and exits) with
//!   the built-in toolkit and with one a hundred times larger, with no
//!   journal, ten years of heavy use and a hundred times that;
//! - first frame as a person sees it (`first_frame`): started in a raw
//!   80x24 pseudo-terminal and timed until the toolkit's name arrives, turn
//!   about with `less` showing the same first screen, and the ratio of the
//!   two medians (the goal: within 1.25 times `less`), for the installed
//!   build and for the one `cargo build --release` makes;
//! - `allyship search` over the large toolkit (load, build the index, search);
//! - `allyship journal` (open and summarise the whole journal) and
//!   `allyship import` of an empty export (open, lock, merge, save) at each
//!   journal size.
//!
//! Run: `cargo bench --bench startup` (add `-- floor` for the comparison
//! with `less` alone). Prints a Markdown table and writes it
//! to `target/bench-startup/figures.md`. Unix only (it needs `script`).

#[cfg(unix)]
#[path = "startup/first_frame.rs"]
mod first_frame;
mod fixtures;
#[cfg(unix)]
#[path = "startup/static_build.rs"]
mod static_build;

#[cfg(not(unix))]
fn main() {
    eprintln!("The start-up benchmark needs script(1) and a Unix pseudo-terminal.");
}

#[cfg(unix)]
fn main() {
    unix::main();
}

#[cfg(unix)]
mod unix {
    use super::{first_frame, fixtures, static_build};
    use std::path::{Path, PathBuf};
    use std::process::Command;

    const BIN: &str = env!("CARGO_BIN_EXE_allyship");

    /// The binary that is timed: what the README installs. On Linux that is
    /// the statically linked build (`static_build`); elsewhere, or if it
    /// cannot be built, a copy of the one cargo built, as `cargo install`
    /// makes. Always a copy: the file the linker has just written started
    /// up to 0.5 ms slower here (2.47 against 2.00 ms, turn about), until
    /// its pages were read afresh.
    fn installed(root: &Path) -> &'static Installed {
        INSTALLED.get_or_init(|| {
            let copy = |from: &Path, name: &str| {
                let path = root.join(name);
                let _ = std::fs::remove_file(&path);
                std::fs::copy(from, &path).expect("copy the binary");
                path.display().to_string()
            };
            let cargo_built = copy(Path::new(BIN), "cargo-built-allyship");
            match static_build::build(root) {
                Ok(built) => Installed {
                    path: copy(&built, "installed-allyship"),
                    what: "installed as the README says (statically linked)",
                    cargo_built: Some(cargo_built),
                },
                Err(why) => {
                    eprintln!("Timing the binary cargo built: {why}.");
                    Installed {
                        path: cargo_built,
                        what: "as `cargo build --release` makes it",
                        cargo_built: None,
                    }
                }
            }
        })
    }

    /// The binary every case runs, and the one cargo built when that differs.
    struct Installed {
        path: String,
        what: &'static str,
        cargo_built: Option<String>,
    }

    static INSTALLED: std::sync::OnceLock<Installed> = std::sync::OnceLock::new();

    /// One thing to time: a name, the arguments, the data folder and the budget.
    struct Case {
        name: &'static str,
        args: Vec<String>,
        data: PathBuf,
        budget: &'static str,
        runs: u32,
    }

    pub fn main() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-startup");
        let fixtures = Fixtures::write(&root);
        let mut table = String::from(
            "| What (release binary, 80x24 PTY) | Median | Peak memory | Budget |\n|---|---|---|---|\n",
        );
        // The floor first, while the machine is as quiet as it will be.
        let installed = installed(&root);
        let mut timed = vec![(installed.what, installed.path.as_str())];
        if let Some(cargo_built) = &installed.cargo_built {
            timed.push((
                "as `cargo build --release` makes it (dynamically linked)",
                cargo_built,
            ));
        }
        let bins: Vec<&str> = timed.iter().map(|(_, bin)| *bin).collect();
        let floor = first_frame::side_by_side(
            &bins,
            &root.join("first-frame-data"),
            &fixtures.first_screen,
            101,
        );
        for (k, (what, _)) in timed.iter().enumerate() {
            let row = format!(
                "| First output of the toolkit's name, {what}, built-in toolkit, no journal | {:.2} ms | n/a | allyship within 1.25 times `less` |\n",
                floor.allyship[k].as_secs_f64() * 1000.0
            );
            eprint!("{row}");
            table.push_str(&row);
        }
        let row = format!(
            "| `less` showing the same first screen (the floor), timed turn about | {:.2} ms | n/a | |\n",
            floor.less.as_secs_f64() * 1000.0
        );
        eprint!("{row}");
        table.push_str(&row);
        for (k, (what, _)) in timed.iter().enumerate() {
            let row = format!(
                "| allyship's first frame, {what}, as a multiple of `less`'s ({} runs each) | {:.2} times | | at most 1.25 |\n",
                floor.runs,
                floor.ratio(k)
            );
            eprint!("{row}");
            table.push_str(&row);
        }
        // `cargo bench --bench startup -- floor`: only the comparison above.
        let only_floor = std::env::args().any(|a| a == "floor");
        for case in fixtures.cases().into_iter().filter(|_| !only_floor) {
            let median = median_ms(&root, &case);
            let peak = peak_mb(&case);
            let row = format!(
                "| {} | {} | {} | {} |\n",
                case.name,
                median.map_or("n/a".into(), |ms| format!("{ms:.1} ms")),
                peak.map_or("n/a".into(), |mb| format!("{mb:.1} MB")),
                case.budget
            );
            eprint!("{row}");
            table.push_str(&row);
        }
        println!("\n{table}");
        let out = root.join("figures.md");
        std::fs::write(&out, &table).expect("write the table");
        println!("Written to {}", out.display());
    }

    /// A case as written in the table: name, toolkit arguments, command,
    /// data folder, budget and number of runs.
    type Row<'a> = (
        &'static str,
        &'a [&'a str],
        &'a [&'a str],
        &'a PathBuf,
        &'static str,
        u32,
    );

    /// The inputs, written once under `target/bench-startup`.
    struct Fixtures {
        large: PathBuf,
        first_screen: PathBuf,
        export: PathBuf,
        empty: PathBuf,
        ten_years: PathBuf,
        hundred: PathBuf,
    }

    impl Fixtures {
        fn write(root: &Path) -> Fixtures {
            let large = fixtures::large_toolkit(100);
            let large_path = root.join("toolkit-3500.json");
            std::fs::create_dir_all(root).expect("fixture folder");
            let text = serde_json::to_string_pretty(&large).expect("serialise");
            assert!(
                allyship::toolkit::content::load(&text).toolkit.is_some(),
                "the large toolkit loads"
            );
            std::fs::write(&large_path, text).expect("write the toolkit");
            let fixtures = Fixtures {
                large: large_path,
                first_screen: root.join("first-screen.txt"),
                export: root.join("empty-export.json"),
                empty: root.join("no-journal"),
                ten_years: root.join("ten-years"),
                hundred: root.join("hundred-times"),
            };
            let _ = std::fs::remove_dir_all(&fixtures.empty);
            std::fs::create_dir_all(&fixtures.empty).expect("empty folder");
            // An export of an empty journal: importing it merges nothing,
            // but still opens, locks, merges and saves.
            let export = Command::new(BIN)
                .args(["export", "--format", "json"])
                .env("ALLYSHIP_DATA_DIR", &fixtures.empty)
                .output()
                .expect("export runs");
            std::fs::write(&fixtures.export, export.stdout).expect("write the export");
            // The first section's first screenful as plain text, for `less`
            // (one screenful, for the turn-about timing with `less`).
            let read = Command::new(BIN)
                .args(["read", "1", "--color", "never"])
                .output()
                .expect("read runs");
            let text = String::from_utf8_lossy(&read.stdout);
            let screen: Vec<&str> = text.lines().take(22).collect();
            std::fs::write(&fixtures.first_screen, screen.join("\n") + "\n")
                .expect("write the first screen");
            fixtures::write_journal(&fixtures.ten_years, &fixtures::ten_years());
            fixtures::write_journal(&fixtures.hundred, &fixtures::hundred_times(&large));
            fixtures
        }

        fn cases(&self) -> Vec<Case> {
            let large_path = self.large.display().to_string();
            let export = self.export.display().to_string();
            let built_in: &[&str] = &[];
            let large: &[&str] = &["--content", &large_path];
            let first: &[&str] = &["--first-frame"];
            let import: &[&str] = &["import", &export];
            let grows = "grows far slower than the content";
            #[rustfmt::skip]
            let rows: [Row; 9] = [
                ("First frame, built-in toolkit, no journal", built_in, first, &self.empty, "10 ms, 15 MB", 200),
                ("First frame, built-in toolkit, ten-year journal", built_in, first, &self.ten_years, "10 ms", 200),
                ("First frame, 3,500 sections, no journal", large, first, &self.empty, grows, 50),
                ("First frame, 3,500 sections, 100x journal", large, first, &self.hundred, grows, 30),
                ("`search \"listen actively\"` (load, index, search), 3,500 sections", large, &["search", "listen actively"], &self.empty, "5 ms a keystroke in the app", 20),
                ("`journal`, ten-year journal", built_in, &["journal"], &self.ten_years, "10 ms to load", 50),
                ("`journal`, 3,500 sections, 100x journal", large, &["journal"], &self.hundred, "none set", 10),
                ("`import` (load, merge, save), ten-year journal", built_in, import, &self.ten_years, "10 ms load + 10 ms save", 50),
                ("`import` (load, merge, save), 100x journal", large, import, &self.hundred, "none set", 10),
            ];
            let cases: Vec<Case> = rows
                .into_iter()
                .map(|(name, toolkit, command, data, budget, runs)| Case {
                    name,
                    args: toolkit
                        .iter()
                        .chain(command)
                        .map(|s| s.to_string())
                        .collect(),
                    data: data.clone(),
                    budget,
                    runs,
                })
                .collect();
            cases
        }
    }

    /// Single-quotes `word` for `sh -c`.
    fn quoted(word: &str) -> String {
        format!("'{}'", word.replace('\'', r"'\''"))
    }

    fn command_line(case: &Case) -> String {
        // The installed copy, made before any case is timed.
        std::iter::once(INSTALLED.get().map_or(BIN, |i| i.path.as_str()).to_string())
            .chain(case.args.iter().cloned())
            .map(|w| quoted(&w))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Runs `shell` in an 80x24 pseudo-terminal, with the case's data folder.
    fn in_pty(shell: &str, case: &Case) -> Option<String> {
        let output = Command::new("script")
            .args([
                "-qec",
                &format!("stty cols 80 rows 24; {shell}"),
                "/dev/null",
            ])
            .env("ALLYSHIP_DATA_DIR", &case.data)
            // A terminal that `less` knows (it stops to warn otherwise), none
            // of the person's `less` options, and no history file written.
            .env("TERM", "xterm-256color")
            .env_remove("LESS")
            .env("LESSHISTFILE", "-")
            .output()
            .ok()?;
        Some(String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// The median wall time in milliseconds, from hyperfine's JSON.
    fn median_ms(root: &Path, case: &Case) -> Option<f64> {
        let json = root.join("hyperfine.json");
        let _ = std::fs::remove_file(&json);
        let shell = format!(
            "hyperfine -N --warmup 3 --runs {} --output inherit --export-json {} {}",
            case.runs,
            quoted(&json.display().to_string()),
            quoted(&command_line(case))
        );
        in_pty(&shell, case)?;
        let text = std::fs::read_to_string(&json).ok().or_else(|| {
            eprintln!("hyperfine did not run (is it installed?): {}", case.name);
            None
        })?;
        let value: serde_json::Value = serde_json::from_str(&text).ok()?;
        value["results"][0]["median"].as_f64().map(|s| s * 1000.0)
    }

    /// Peak resident memory in megabytes, from `/usr/bin/time -f %M` (KB).
    fn peak_mb(case: &Case) -> Option<f64> {
        let shell = format!("/usr/bin/time -f 'PEAK %M' {}", command_line(case));
        let screen = in_pty(&shell, case)?;
        let kb = screen.split("PEAK ").nth(1)?;
        let kb: f64 = kb.split_whitespace().next()?.parse().ok()?;
        Some(kb / 1024.0)
    }
}

//! Checks on drawn frames, and content made to break them.

use allyship::toolkit::content::{self, Block, Toolkit};
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// The frame as text, a line per row (wide characters' trailing cells add nothing).
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Fails if any cell would print past the right edge of the frame (a wide
/// character in the last column) or holds a control character (which would
/// move the real cursor and garble the screen).
pub fn assert_sound(buffer: &Buffer, context: &str) {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let symbol = buffer[(x, y)].symbol();
            if let [byte] = symbol.as_bytes()
                && (byte.is_ascii_graphic() || *byte == b' ')
            {
                continue;
            }
            let right = usize::from(x - area.left()) + symbol.width();
            assert!(
                right <= usize::from(area.width),
                "{context}: {symbol:?} at column {x}, row {y} ends at {right}, past {}",
                area.width
            );
            assert!(
                !symbol.chars().any(char::is_control),
                "{context}: control character {symbol:?} at column {x}, row {y}"
            );
        }
    }
}

/// The built-in toolkit with its first section full of hard text: CJK,
/// emoji with joiners, combining marks, right-to-left script, full-width
/// letters and a 100,000-character word.
pub fn hostile_toolkit() -> Toolkit {
    let mut toolkit = content::built_in();
    let section = &mut toolkit.parts[0].sections[0];
    section.title = "多样性与包容 👩‍👩‍👧‍👦 e\u{301}\u{302} שלום עולם".into();
    section.blocks = vec![
        Block::Paragraph(format!("{} 你好世界 🏳️‍🌈 مرحبا بالعالم", "w".repeat(100_000))),
        Block::Points(vec![
            "ａｂｃ全角".repeat(40),
            "x\u{200d}y\u{0301}".repeat(50),
        ]),
    ];
    toolkit
}

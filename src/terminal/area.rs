//! Where a window goes on the screen, for the reader and the presenter alike.

use ratatui::layout::Rect;

/// A centred rectangle of at most `width` x `height` inside `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centred_never_leaves_the_area() {
        let area = Rect::new(3, 2, 10, 5);
        let c = centred(area, 50, 50);
        assert_eq!(c, area);
        assert_eq!(centred(area, 4, 1), Rect::new(6, 4, 4, 1));
    }
}

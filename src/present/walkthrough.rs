//! Where a walkthrough is: which section, and how much of it the room has
//! seen. Pure navigation, no clocks and no drawing.
//!
//! Each section is shown in steps: first its title with the text that is not
//! a list of points (paragraphs, quotations, links); then its points, one
//! more at each step; then, if it has any, its discussion prompts on a
//! screen of their own. The step after that is the next section's first.
//!
//! A part's first section opens with the part's outcomes on a screen of
//! their own, so the room knows what the part is for. A practice scenario
//! is a team exercise: after its situation, its options one at a time,
//! then a step to discuss which to choose and why, then the feedback on
//! each option in turn (nothing is scored), then its discussion prompts.

use crate::toolkit::content::{Block, Section, Toolkit};

/// What one step of a section shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The part's title and outcomes, before its first section.
    Outcomes,
    /// The title and the text that is not points.
    Intro,
    /// The first `n` points (counted across the section's lists), newest last.
    Points(usize),
    /// A scenario's question and its first `n` options, newest last.
    Options(usize),
    /// Every option, and the room asked which it would choose, and why.
    Choose,
    /// Every option, the first `n` with their feedback, newest last.
    Feedback(usize),
    /// The discussion prompts.
    Discuss,
}

/// A place in the walkthrough: the `section`-th section of the walkthrough
/// (not of the toolkit) and the step within it, from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Which section of the walkthrough, from 0.
    pub section: usize,
    /// Which step of that section, from 0.
    pub step: usize,
}

/// The shape of one section, as far as stepping through it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shape {
    /// Toolkit reading-order index.
    index: usize,
    /// Whether it opens its part with the part's outcomes.
    outcomes: bool,
    points: usize,
    /// A scenario's options (0 for other sections).
    options: usize,
    discuss: bool,
}

impl Shape {
    fn steps(self) -> usize {
        let choice = if self.options > 0 {
            2 * self.options + 1
        } else {
            0
        };
        usize::from(self.outcomes) + 1 + self.points + choice + usize::from(self.discuss)
    }

    /// What step `n` (from 0) of this section shows.
    fn step(self, n: usize) -> Step {
        let n = match (self.outcomes, n) {
            (true, 0) => return Step::Outcomes,
            (true, n) => n - 1,
            (false, n) => n,
        };
        match n {
            0 => Step::Intro,
            n if n <= self.points => Step::Points(n),
            n => match n - self.points {
                k if k <= self.options => Step::Options(k),
                k if self.options > 0 && k == self.options + 1 => Step::Choose,
                k if self.options > 0 && k <= 2 * self.options + 1 => {
                    Step::Feedback(k - self.options - 1)
                }
                _ => Step::Discuss,
            },
        }
    }
}

/// The sections being presented and the place reached: a pure state
/// machine (`step_on`, `step_back`, `jump_to_index`) that never panics and never leaves
/// its bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walkthrough {
    shapes: Vec<Shape>,
    position: Position,
}

/// How many points a section has, counted across all its lists.
pub fn point_count(section: &Section) -> usize {
    section
        .blocks
        .iter()
        .map(|block| match block {
            Block::Points(points) => points.len(),
            _ => 0,
        })
        .sum()
}

impl Walkthrough {
    /// A walkthrough of `sections` (toolkit reading-order indexes, in the
    /// order given), at the first step of the first. Indexes the toolkit
    /// does not have are left out.
    pub fn new(toolkit: &Toolkit, sections: &[usize]) -> Self {
        let shapes = sections
            .iter()
            .filter_map(|&index| {
                let entry = toolkit.entry(index)?;
                let section = entry.section;
                let first = entry.part.sections.first().map(|s| s.id.as_str());
                Some(Shape {
                    index,
                    outcomes: first == Some(&section.id) && !entry.part.outcomes.is_empty(),
                    points: point_count(section),
                    options: section.choice.as_ref().map_or(0, |c| c.options.len()),
                    discuss: !section.discuss.is_empty(),
                })
            })
            .collect();
        Walkthrough {
            shapes,
            position: Position {
                section: 0,
                step: 0,
            },
        }
    }

    /// Whether there is nothing to present.
    pub fn is_empty(&self) -> bool {
        self.shapes.is_empty()
    }

    /// How many sections the walkthrough has.
    pub fn len(&self) -> usize {
        self.shapes.len()
    }

    /// The toolkit reading-order indexes of the walkthrough's sections.
    pub fn sections(&self) -> Vec<usize> {
        self.shapes.iter().map(|s| s.index).collect()
    }

    /// Where the walkthrough is.
    pub fn position(&self) -> Position {
        self.position
    }

    /// The toolkit reading-order index of the section on screen.
    pub fn current_index(&self) -> Option<usize> {
        self.shapes.get(self.position.section).map(|s| s.index)
    }

    /// How many steps the `n`-th section of the walkthrough has (0 if none).
    pub fn steps_in(&self, n: usize) -> usize {
        self.shapes.get(n).map_or(0, |s| s.steps())
    }

    /// What the current step shows.
    pub fn step(&self) -> Step {
        match self.shapes.get(self.position.section) {
            Some(shape) => shape.step(self.position.step),
            None => Step::Intro,
        }
    }

    /// Whether this is the very last step of the last section.
    pub fn at_end(&self) -> bool {
        let last = self.shapes.len().saturating_sub(1);
        self.position.section == last && self.position.step + 1 >= self.steps_in(last)
    }

    /// Whether this is the very first step of the first section.
    pub fn at_start(&self) -> bool {
        self.position.section == 0 && self.position.step == 0
    }

    /// One step on: the next point, the prompts, or the next section. False
    /// (and no change) at the end.
    pub fn step_on(&mut self) -> bool {
        if self.is_empty() || self.at_end() {
            return false;
        }
        if self.position.step + 1 < self.steps_in(self.position.section) {
            self.position.step += 1;
        } else {
            self.position = Position {
                section: self.position.section + 1,
                step: 0,
            };
        }
        true
    }

    /// One step back, to the previous section's last step when at the start
    /// of a section. False (and no change) at the very start.
    pub fn step_back(&mut self) -> bool {
        if self.is_empty() || self.at_start() {
            return false;
        }
        if self.position.step > 0 {
            self.position.step -= 1;
        } else {
            let section = self.position.section - 1;
            self.position = Position {
                section,
                step: self.steps_in(section).saturating_sub(1),
            };
        }
        true
    }

    /// Goes to the first step of the section with toolkit reading-order
    /// `index`, if the walkthrough has it.
    pub fn jump_to_index(&mut self, index: usize) -> bool {
        match self.shapes.iter().position(|s| s.index == index) {
            Some(section) => {
                self.position = Position { section, step: 0 };
                true
            }
            None => false,
        }
    }
}

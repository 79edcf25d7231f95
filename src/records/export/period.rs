//! The days a record covers ([`Period`]) and how `--from` and `--to` are
//! read: strictly `YYYY-MM-DD`, each error saying what to write instead.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The days a record covers; `None` means open-ended on that side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First day included (`--from`).
    pub from: Option<Date>,
    /// Last day included (`--to`).
    pub to: Option<Date>,
}

/// Why a `--from` or `--to` date was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// Not written as `YYYY-MM-DD`.
    #[error("{0:?} is not a date: write it as YYYY-MM-DD, for example 2025-03-01")]
    Shape(String),
    /// Shaped like a date, but no such day exists.
    #[error("{0} is not a day in the calendar ({1})")]
    NoSuchDay(String, String),
    /// `--from` is after `--to`.
    #[error("the period starts on {0} but ends earlier, on {1}; swap --from and --to")]
    Reversed(Date, Date),
}

impl Period {
    /// Reads `--from` and `--to` (each `YYYY-MM-DD`, either may be absent).
    pub fn parse(from: Option<&str>, to: Option<&str>) -> Result<Period, PeriodError> {
        let period = Period {
            from: from.map(parse_date).transpose()?,
            to: to.map(parse_date).transpose()?,
        };
        match (period.from, period.to) {
            (Some(from), Some(to)) if from > to => Err(PeriodError::Reversed(from, to)),
            _ => Ok(period),
        }
    }

    /// Whether `day` falls in the period.
    pub fn contains(&self, day: Date) -> bool {
        self.from.is_none_or(|from| day >= from) && self.to.is_none_or(|to| day <= to)
    }

    /// Whether any day from `first` to `last` falls in the period.
    pub fn overlaps(&self, first: Date, last: Date) -> bool {
        self.from.is_none_or(|from| last >= from) && self.to.is_none_or(|to| first <= to)
    }
}

/// Parses one `YYYY-MM-DD` date, strictly (no times, no other shapes).
pub fn parse_date(text: &str) -> Result<Date, PeriodError> {
    let trimmed = text.trim();
    let bytes = trimmed.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err(PeriodError::Shape(text.to_owned()));
    }
    let number =
        |range: std::ops::Range<usize>| trimmed.get(range).and_then(|s| s.parse::<i16>().ok());
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return Err(PeriodError::Shape(text.to_owned()));
    };
    let (Ok(month), Ok(day)) = (i8::try_from(month), i8::try_from(day)) else {
        return Err(PeriodError::Shape(text.to_owned()));
    };
    Date::new(year, month, day).map_err(|_| {
        let reason = if !(1..=12).contains(&month) {
            "months go from 01 to 12".to_owned()
        } else {
            let days = Date::new(year, month, 1).map_or(31, |d| d.days_in_month());
            format!("that month has {days} days")
        };
        PeriodError::NoSuchDay(trimmed.to_owned(), reason)
    })
}

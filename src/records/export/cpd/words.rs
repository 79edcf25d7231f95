//! The words a CPD record shares across forms and formats: what an empty
//! field says (and how to fill it), dates and durations in words.

use jiff::civil::Date;

use super::super::markdown::date;

/// No activity at all in the period.
pub(super) const NO_ACTIVITY: &str = "Nothing written yet: no reading, notes or discussions \
     in this period. Read in the app (run allyship), then export again.";
/// No notes in the period.
pub(super) const NO_NOTES: &str = "Nothing written yet: no reflective notes in this period. \
     In the app press e on a section, or run: allyship note SECTION";
/// No commitments or check-ins in the period.
pub(super) const NO_PRACTICE: &str = "Nothing written yet: no commitments or check-ins in \
     this period. In the app press C on a section, or run: allyship commit \"I will …\"";
/// No peer discussions in the period.
pub(super) const NO_PEER: &str = "Nothing written yet: no peer discussion recorded in this \
     period. After talking sections over with others, run: allyship discussed SECTION \
     --minutes N --with \"team meeting\"";
/// Why the learning is relevant: only the person can say.
pub(super) const NO_RELEVANCE: &str =
    "Nothing written yet: why this learning is relevant to your work, in your own words.";
/// Which of the Code's themes: only the person can say.
pub(super) const NO_CODE: &str = "Nothing written yet: which of the Code's themes it relates \
     to (prioritise people, practise effectively, preserve safety, promote professionalism \
     and trust), in your own words.";
/// A discussion recorded without what came of it.
pub(super) const NO_OUTCOME: &str = "Nothing written yet (add --outcome \"…\" when you record \
     a discussion with allyship discussed).";

/// "1 hour 30 minutes (1.5 hours), of which 30 minutes with others", or
/// "none yet".
pub(super) fn time_recorded(cpd: &super::CpdRecord) -> String {
    if cpd.minutes == 0 {
        return "none yet".to_owned();
    }
    let with = match cpd.participatory_minutes {
        0 => "none of it with others".to_owned(),
        m => format!("of which {} with others", duration(m)),
    };
    format!(
        "{} ({} hours), {with}",
        duration(cpd.minutes),
        hours(cpd.minutes)
    )
}

/// "1 March 2025".
pub(super) fn day(on: Date) -> String {
    date(on)
}

/// "45 minutes", "1 hour 30 minutes", "no time recorded".
pub(super) fn duration(minutes: u64) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    let unit = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (hours, rest) {
        (0, 0) => "no time recorded".to_owned(),
        (0, m) => unit(m, "minute", "minutes"),
        (h, 0) => unit(h, "hour", "hours"),
        (h, m) => format!(
            "{} {}",
            unit(h, "hour", "hours"),
            unit(m, "minute", "minutes")
        ),
    }
}

/// Hours as a number, to two places, trailing zeros left off: "1.5", "0.75", "2".
pub(super) fn hours(minutes: u64) -> String {
    let hundredths = (minutes.saturating_mul(100) + 30) / 60;
    let (whole, part) = (hundredths / 100, hundredths % 100);
    match part {
        0 => whole.to_string(),
        p if p % 10 == 0 => format!("{whole}.{}", p / 10),
        p => format!("{whole}.{p:02}"),
    }
}

/// The days of `dates` (sorted, distinct) in words: "3 December 2026",
/// "3, 4 and 10 December 2026" style lists, or a range past ten days.
pub(super) fn dates(dates: &[Date]) -> String {
    match dates {
        [] => String::new(),
        [one] => day(*one),
        [first, .., last] if dates.len() > 10 => format!(
            "{} days from {} to {}",
            dates.len(),
            day(*first),
            day(*last)
        ),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(|d| day(*d)).collect();
            format!("{} and {}", rest.join(", "), day(*last))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_and_durations_read_as_people_write_them() {
        assert_eq!(hours(90), "1.5");
        assert_eq!(hours(45), "0.75");
        assert_eq!(hours(120), "2");
        assert_eq!(hours(10), "0.17");
        assert_eq!(duration(90), "1 hour 30 minutes");
        assert_eq!(duration(1), "1 minute");
        assert_eq!(duration(0), "no time recorded");
    }

    #[test]
    fn dates_are_listed_then_given_as_a_range() {
        let d = |n| Date::new(2026, 12, n).unwrap();
        assert_eq!(dates(&[d(3)]), "3 December 2026");
        assert_eq!(
            dates(&[d(3), d(4), d(10)]),
            "3 December 2026, 4 December 2026 and 10 December 2026"
        );
        let many: Vec<Date> = (1..=12).map(d).collect();
        assert_eq!(
            dates(&many),
            "12 days from 1 December 2026 to 12 December 2026"
        );
    }
}

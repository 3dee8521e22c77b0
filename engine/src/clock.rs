//! The world's virtual clock and git's default date format.

/// Monday 2026-01-05 09:00 UTC: the guide's week starts on a Monday.
pub const START: u64 = 1_767_603_600;

/// The calendar parts of a time: weekday and month names, day, year, and
/// the seconds into the day.
fn parts(secs: u64) -> (&'static str, &'static str, u32, i64, u64) {
    let days = (secs / 86_400) as i64;
    let (y, m, d) = civil_from_days(days);
    // 1970-01-01 was a Thursday.
    let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][days.rem_euclid(7) as usize];
    let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][(m - 1) as usize];
    (weekday, month, d, y, secs % 86_400)
}

fn hms(rem: u64) -> String {
    format!("{:02}:{:02}:{:02}", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// Formats seconds since the epoch as git's default date: `Mon Jan 5 09:00:00 2026 +0000`.
pub fn git_date(secs: u64) -> String {
    let (weekday, month, d, y, rem) = parts(secs);
    format!("{weekday} {month} {d} {} {y} +0000", hms(rem))
}

/// An HTTP `date` header: `Mon, 05 Jan 2026 09:00:00 GMT`.
pub fn http_date(secs: u64) -> String {
    let (weekday, month, d, y, rem) = parts(secs);
    format!("{weekday}, {d:02} {month} {y} {} GMT", hms(rem))
}

/// `09:14`: the time of day, for server logs.
pub fn hh_mm(secs: u64) -> String {
    let rem = secs % 86_400;
    format!("{:02}:{:02}", rem / 3600, rem % 3600 / 60)
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats_like_git() {
        assert_eq!(super::git_date(super::START), "Mon Jan 5 09:00:00 2026 +0000");
        assert_eq!(super::git_date(0), "Thu Jan 1 00:00:00 1970 +0000");
        assert_eq!(super::git_date(1_772_323_200), "Sun Mar 1 00:00:00 2026 +0000");
        assert_eq!(super::http_date(super::START), "Mon, 05 Jan 2026 09:00:00 GMT");
        assert_eq!(super::hh_mm(super::START + 14 * 60), "09:14");
    }
}

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

/// `--date=rfc2822` (`%aD`): `Mon, 5 Jan 2026 09:00:00 +0000`.
pub fn rfc2822(secs: u64) -> String {
    let (weekday, month, d, y, rem) = parts(secs);
    format!("{weekday}, {d} {month} {y} {} +0000", hms(rem))
}

/// `--date=short` (`%as`): `2026-01-05`.
pub fn short_date(secs: u64) -> String {
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `--date=iso` (`%ai`): `2026-01-05 09:00:00 +0000`.
pub fn iso(secs: u64) -> String {
    format!("{} {} +0000", short_date(secs), hms(secs % 86_400))
}

/// `--date=iso-strict` (`%aI`): `2026-01-05T09:00:00Z` (git writes UTC as `Z`).
pub fn iso_strict(secs: u64) -> String {
    format!("{}T{}Z", short_date(secs), hms(secs % 86_400))
}

/// `--date=relative` (`%ar`) as git's `show_date_relative` words it:
/// `2 hours ago`, `3 weeks ago`, `1 year, 2 months ago`.
pub fn relative(secs: u64, now: u64) -> String {
    let Some(diff) = now.checked_sub(secs) else { return "in the future".into() };
    let ago = |n: u64, unit: &str| format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" });
    if diff < 90 {
        return ago(diff, "second");
    }
    let minutes = (diff + 30) / 60;
    if minutes < 90 {
        return ago(minutes, "minute");
    }
    let hours = (minutes + 30) / 60;
    if hours < 36 {
        return ago(hours, "hour");
    }
    let days = (hours + 12) / 24;
    if days < 14 {
        return ago(days, "day");
    }
    if days < 70 {
        return ago((days + 3) / 7, "week");
    }
    if days < 365 {
        return ago((days + 15) / 30, "month");
    }
    if days < 1825 {
        let total = (days * 12 * 2 + 365) / (365 * 2);
        let (years, months) = (total / 12, total % 12);
        if months == 0 {
            return ago(years, "year");
        }
        let y = format!("{years} year{}", if years == 1 { "" } else { "s" });
        return format!("{y}, {}", ago(months, "month"));
    }
    ago((days + 183) / 365, "year")
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

//! Decimal text to `f64`, correctly rounded, as `str::parse::<f64>` reads it
//! — without its 10 KB table of powers of five, which the first load cannot
//! afford for one setting (`CONFIDENCE_THRESHOLD`). Short decimals take
//! Clinger's exact fast path; anything else is settled by comparing the
//! decimal with the halfway points between neighbouring doubles in exact
//! integer arithmetic. A test checks it against the standard library.

use std::cmp::Ordering;

/// A non-negative integer as base-2³² digits, least significant first.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(n: u64) -> Self {
        Self(vec![n as u32, (n >> 32) as u32])
    }

    fn mul_add(&mut self, m: u32, add: u32) {
        let mut carry = u64::from(add);
        for d in &mut self.0 {
            let v = u64::from(*d) * u64::from(m) + carry;
            *d = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut n: u32) {
        while n > 0 {
            let step = n.min(9);
            self.mul_add(10u32.pow(step), 0);
            n -= step;
        }
    }

    fn shl(&mut self, bits: u32) {
        let (words, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for d in &mut self.0 {
                let v = (*d << bits) | carry;
                carry = *d >> (32 - bits);
                *d = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, words));
    }

    fn cmp(&self, other: &Self) -> Ordering {
        let trim = |v: &[u32]| v.len() - v.iter().rev().take_while(|d| **d == 0).count();
        let (a, b) = (&self.0[..trim(&self.0)], &other.0[..trim(&other.0)]);
        a.len().cmp(&b.len()).then_with(|| a.iter().rev().cmp(b.iter().rev()))
    }
}

/// Exact powers of ten as doubles: 10⁰ … 10²².
fn pow10(n: u32) -> f64 {
    let mut p = 1.0;
    for _ in 0..n {
        p *= 10.0;
    }
    p
}

/// `digits × 10^exp` compared with `m × 2^q`, exactly.
fn compare(digits: &[u8], exp: i64, m: u64, q: i64) -> Ordering {
    let mut lhs = Big(vec![0]);
    for d in digits {
        lhs.mul_add(10, u32::from(*d));
    }
    let mut rhs = Big::from_u64(m);
    // Exponents here stay within a few hundred; clamp so a pathological one
    // cannot ask for a huge allocation.
    let clamp = |x: i64| x.clamp(-4000, 4000) as i32;
    let (exp, q) = (clamp(exp), clamp(q));
    if exp >= 0 {
        lhs.mul_pow10(exp.unsigned_abs());
    } else {
        rhs.mul_pow10(exp.unsigned_abs());
    }
    if q >= 0 {
        rhs.shl(q.unsigned_abs());
    } else {
        lhs.shl(q.unsigned_abs());
    }
    lhs.cmp(&rhs)
}

/// `x` (finite, positive) as `m × 2^q` with `m` an integer.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    if exp == 0 { (frac, -1074) } else { (frac | (1 << 52), exp - 1075) }
}

/// The correctly rounded double nearest `digits × 10^exp` (digits without
/// leading zeros, not all zero), starting from a close guess.
fn refine(digits: &[u8], exp: i64, mut x: f64) -> f64 {
    for _ in 0..256 {
        if x.is_infinite() {
            x = f64::MAX;
        }
        let (m, q) = decompose(x);
        // Halfway to the next double up, then down (the gap below a power of
        // two is half as wide).
        match compare(digits, exp, 2 * m + 1, q - 1) {
            Ordering::Greater => {
                if x.to_bits() == f64::MAX.to_bits() {
                    return f64::INFINITY;
                }
                x = f64::from_bits(x.to_bits() + 1);
                continue;
            }
            Ordering::Equal => return if m % 2 == 0 { x } else { f64::from_bits(x.to_bits() + 1) },
            Ordering::Less => {}
        }
        if x.to_bits() == 0 {
            return x;
        }
        let (low_m, low_q) = if m == 1 << 52 && q > -1074 { (4 * m - 1, q - 2) } else { (2 * m - 1, q - 1) };
        match compare(digits, exp, low_m, low_q) {
            Ordering::Less => x = f64::from_bits(x.to_bits() - 1),
            Ordering::Equal => return if m % 2 == 0 { x } else { f64::from_bits(x.to_bits() - 1) },
            Ordering::Greater => return x,
        }
    }
    x
}

/// Parses `s` as `str::parse::<f64>` does: an optional sign, digits with an
/// optional point, an optional exponent; `inf`, `infinity`, `nan` in any case.
pub fn parse(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = |x: f64| if neg { -x } else { x };
    if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        return Some(sign(f64::INFINITY));
    }
    if body.eq_ignore_ascii_case("nan") {
        return Some(f64::NAN);
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if int.len() + frac.len() == 0 || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    let mut exp: i64 = match exponent {
        None => 0,
        Some(e) => {
            let (eneg, edigits) = match e.as_bytes().first() {
                Some(b'-') => (true, &e[1..]),
                Some(b'+') => (false, &e[1..]),
                _ => (false, e),
            };
            if edigits.is_empty() || !all_digits(edigits) {
                return None;
            }
            // Saturate: past ±10⁹ every value is 0 or infinite anyway.
            let v = edigits.bytes().fold(0i64, |a, b| (a * 10 + i64::from(b - b'0')).min(1_000_000_000));
            if eneg { -v } else { v }
        }
    };
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
    exp -= frac.len() as i64;
    let lead = digits.iter().take_while(|d| **d == 0).count();
    digits.drain(..lead);
    while digits.last() == Some(&0) {
        digits.pop();
        exp += 1;
    }
    if digits.is_empty() {
        return Some(sign(0.0));
    }
    // Beyond ~770 significant digits only whether the rest is zero can
    // matter: keep 800 and a sticky 1 for anything non-zero after them.
    if digits.len() > 800 {
        let sticky = digits[800..].iter().any(|d| *d != 0);
        exp += (digits.len() - 800) as i64;
        digits.truncate(800);
        if sticky {
            digits.push(1);
            exp -= 1;
        }
    }
    // Far outside the doubles: zero or infinity, without big arithmetic.
    let magnitude = digits.len() as i64 + exp;
    if magnitude > 310 {
        return Some(sign(f64::INFINITY));
    }
    if magnitude < -326 {
        return Some(sign(0.0));
    }
    // Clinger's fast path: an exact integer times or over an exact power of ten.
    if digits.len() <= 15 && (-22..=22).contains(&exp) {
        let w = digits.iter().fold(0u64, |a, d| a * 10 + u64::from(*d)) as f64;
        let p = pow10(exp.unsigned_abs() as u32);
        return Some(sign(if exp >= 0 { w * p } else { w / p }));
    }
    // A guess from the first 17 digits, then exact refinement.
    let head = digits.len().min(17);
    let w = digits[..head].iter().fold(0u64, |a, d| a * 10 + u64::from(*d)) as f64;
    let e = exp + (digits.len() - head) as i64;
    // In two steps, so a tiny result is not lost to underflow on the way.
    let e = e.clamp(-400, 400) as i32;
    let guess = if e < -300 { w * 10f64.powi(e + 300) * 1e-300 } else { w * 10f64.powi(e) };
    let guess = if guess == 0.0 || guess.is_nan() { f64::from_bits(1) } else { guess };
    Some(sign(refine(&digits, exp, guess)))
}

#[cfg(test)]
mod tests {
    use super::parse;
    use proptest::prelude::*;

    fn same(s: &str) {
        let want: Option<f64> = s.parse().ok();
        let got = parse(s);
        match (want, got) {
            (Some(w), Some(g)) if w.is_nan() => assert!(g.is_nan(), "{s}"),
            (Some(w), Some(g)) => assert_eq!(w.to_bits(), g.to_bits(), "{s}: std {w:e}, ours {g:e}"),
            (None, None) => {}
            _ => panic!("{s}: std {want:?}, ours {got:?}"),
        }
    }

    #[test]
    fn known_hard_cases() {
        for s in [
            "0.5",
            "0.3",
            "1",
            "0",
            "-0",
            ".5",
            "5.",
            "1e-2",
            "0.30000000000000001",
            "0.1e1",
            "1e400",
            "1e-400",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "9007199254740993",
            "9007199254740992.5",
            "123456789012345678901234567890",
            "0.000001",
            "inf",
            "-Infinity",
            "NaN",
            "",
            ".",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "+",
            "-.5e-3",
            "0x10",
            " 1",
            "1_0",
            "00000.000001000",
            "8.988465674311579e307",
            "5e-324",
            "1e23",
            "7.2057594037927933e16",
            "3.0000000000000004",
            "0.1000000000000000055511151231257827",
            "0.1000000000000000055511151231257828",
        ] {
            same(s);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None, ..ProptestConfig::default() })]

        /// Any decimal text reads as the standard library reads it.
        #[test]
        fn agrees_with_std(s in "[+-]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][+-]?[0-9]{1,3})?") {
            same(&s);
        }

        /// Halfway cases: a double's exact midpoint with its neighbour, and
        /// decimals just either side of it.
        #[test]
        fn halfway_points(bits in 1u64..0x7fef_ffff_ffff_ffff) {
            let x = f64::from_bits(bits);
            let next = f64::from_bits(bits + 1);
            for t in [format!("{x:e}"), format!("{:.20e}", f64::midpoint(x, next)), format!("{x:.30e}")] {
                same(&t);
            }
        }

        /// Anything at all: an answer, never a panic.
        #[test]
        fn never_panics(s in "\\PC{0,30}") {
            same(&s);
        }
    }
}

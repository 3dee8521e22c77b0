//! A small LZ77 for share links: a few hundred bytes of command lines repeat
//! themselves (`git checkout`, branch names), and a preset dictionary of the
//! guide's own words lets even the first occurrence be a back-reference.
//!
//! Format: a control byte `c`, then
//! - `c < 0x80`: `c + 1` literal bytes;
//! - `c ≥ 0x80`: a copy of `(c & 0x7f) + 3` bytes from `offset` bytes back in
//!   (dictionary ++ output), the offset as an LEB128 varint (at most 3 bytes).
//!
//! The decoder trusts nothing: every length and offset is checked, and the
//! output is capped, so a hostile link can neither panic nor balloon.

use thiserror::Error;

const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 0x7f + MIN_MATCH;
const MAX_LITERALS: usize = 0x80;
/// How far back a copy may reach (fits a 3-byte varint).
const WINDOW: usize = 1 << 20;
/// How many earlier positions the encoder tries per byte.
const CHAIN: usize = 32;
/// Buckets of the encoder's table of 3-byte sequences.
const BUCKETS: usize = 1 << 12;
/// No earlier position.
const NONE: usize = usize::MAX;

/// The bucket of the 3 bytes at `pos`, if there are 3.
fn bucket(all: &[u8], pos: usize) -> Option<usize> {
    let k = all.get(pos..pos + 3)?;
    let h = (u32::from(k[0]) << 16 | u32::from(k[1]) << 8 | u32::from(k[2])).wrapping_mul(2_654_435_761);
    Some((h >> 20) as usize)
}

/// Why compressed bytes cannot be read back.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LzError {
    /// The bytes end inside a token.
    #[error("it ends in the middle (was it cut off?)")]
    Truncated,
    /// A copy reaches before the start.
    #[error("it refers to text it does not have")]
    BadOffset,
    /// The text would be longer than allowed.
    #[error("it unpacks to more than {0} bytes")]
    TooLong(usize),
}

/// Compresses `input`, with `dict` as text that came before it.
pub fn compress(dict: &[u8], input: &[u8]) -> Vec<u8> {
    let all: Vec<u8> = dict.iter().chain(input).copied().collect();
    // Most recent position of each bucket of 3-byte sequences, and for each
    // position the one before it in its bucket (candidates are compared).
    let mut head = vec![NONE; BUCKETS];
    let mut prev = vec![NONE; all.len()];
    let insert = |pos: usize, head: &mut [usize], prev: &mut [usize]| {
        if let Some(b) = bucket(&all, pos) {
            prev[pos] = head[b];
            head[b] = pos;
        }
    };
    for pos in 0..dict.len() {
        insert(pos, &mut head, &mut prev);
    }
    let mut out = Vec::new();
    let mut literals: Vec<u8> = Vec::new();
    let mut pos = dict.len();
    while pos < all.len() {
        let (len, dist) = longest(&all, pos, &head, &prev);
        if len >= MIN_MATCH {
            flush(&mut out, &mut literals);
            out.push(0x80 | (len - MIN_MATCH) as u8);
            varint(&mut out, dist);
            for p in pos..pos + len {
                insert(p, &mut head, &mut prev);
            }
            pos += len;
        } else {
            literals.push(all[pos]);
            if literals.len() == MAX_LITERALS {
                flush(&mut out, &mut literals);
            }
            insert(pos, &mut head, &mut prev);
            pos += 1;
        }
    }
    flush(&mut out, &mut literals);
    out
}

fn longest(all: &[u8], pos: usize, head: &[usize], prev: &[usize]) -> (usize, usize) {
    let Some(b) = bucket(all, pos) else { return (0, 0) };
    let mut cand = head[b];
    let (mut best, mut dist) = (0, 0);
    for _ in 0..CHAIN {
        if cand == NONE || pos - cand > WINDOW {
            break;
        }
        let len = all[cand..].iter().zip(&all[pos..]).take(MAX_MATCH).take_while(|(a, b)| a == b).count();
        if len > best {
            (best, dist) = (len, pos - cand);
        }
        cand = prev[cand];
    }
    (best, dist)
}

fn flush(out: &mut Vec<u8>, literals: &mut Vec<u8>) {
    if !literals.is_empty() {
        out.push((literals.len() - 1) as u8);
        out.append(literals);
    }
}

/// Writes `n` as an LEB128 varint (the link's lengths use it too).
pub(super) fn varint(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n & 0x7f) as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads back what [`compress`] wrote with the same `dict`, refusing to
/// produce more than `max` bytes.
pub fn decompress(dict: &[u8], input: &[u8], max: usize) -> Result<Vec<u8>, LzError> {
    let mut all = dict.to_vec();
    let mut bytes = input.iter().copied();
    while let Some(c) = bytes.next() {
        if c < 0x80 {
            let n = usize::from(c) + 1;
            if all.len() - dict.len() + n > max {
                return Err(LzError::TooLong(max));
            }
            for _ in 0..n {
                all.push(bytes.next().ok_or(LzError::Truncated)?);
            }
        } else {
            let n = usize::from(c & 0x7f) + MIN_MATCH;
            let mut dist = 0usize;
            let mut shift = 0;
            loop {
                let b = bytes.next().ok_or(LzError::Truncated)?;
                dist |= usize::from(b & 0x7f) << shift;
                shift += 7;
                if b < 0x80 {
                    break;
                }
                if shift >= 21 {
                    return Err(LzError::BadOffset);
                }
            }
            if dist == 0 || dist > all.len() {
                return Err(LzError::BadOffset);
            }
            if all.len() - dict.len() + n > max {
                return Err(LzError::TooLong(max));
            }
            let from = all.len() - dist;
            // Byte by byte: a copy may overlap what it writes (runs).
            for i in 0..n {
                all.push(all[from + i]);
            }
        }
    }
    Ok(all.split_off(dict.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn repeats_shrink_and_come_back() {
        let text = b"git checkout -b feature/x development\ngit checkout development\ngit merge feature/x\n".repeat(5);
        let packed = compress(b"", &text);
        assert!(packed.len() < text.len() / 3, "{} of {}", packed.len(), text.len());
        assert_eq!(decompress(b"", &packed, 1 << 20).unwrap(), text);
        // With the words in the dictionary, even one occurrence shrinks.
        let dict = b"git checkout development feature/";
        let once = b"git checkout development";
        assert!(compress(dict, once).len() < 5);
        assert_eq!(decompress(dict, &compress(dict, once), 100).unwrap(), once);
    }

    #[test]
    fn hostile_input_is_refused() {
        assert_eq!(decompress(b"", &[0x05, b'a'], 100), Err(LzError::Truncated));
        assert_eq!(decompress(b"", &[0x80, 0x01], 100), Err(LzError::BadOffset));
        assert_eq!(decompress(b"ab", &[0x80, 0x00], 100), Err(LzError::BadOffset));
        assert_eq!(decompress(b"", &[0x80], 100), Err(LzError::Truncated));
        assert_eq!(decompress(b"", &[0x80, 0xff, 0xff, 0xff, 0x01], 100), Err(LzError::BadOffset));
        // A run that would unpack past the cap stops at the cap.
        let bomb: Vec<u8> = [0x00, b'a'].into_iter().chain([0xff, 0x01].repeat(10_000)).collect();
        assert_eq!(decompress(b"", &bomb, 1000), Err(LzError::TooLong(1000)));
    }

    proptest! {
        #[test]
        fn anything_round_trips(dict in proptest::collection::vec(any::<u8>(), 0..64), text in proptest::collection::vec(prop_oneof![any::<u8>(), Just(b'a'), Just(b'b')], 0..2000)) {
            let packed = compress(&dict, &text);
            prop_assert_eq!(decompress(&dict, &packed, text.len()).unwrap(), text);
        }

        #[test]
        fn any_bytes_decode_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let _ = decompress(b"dictionary", &bytes, 4096);
        }
    }
}

//! URL-safe base64 without padding (RFC 4648 §5): what a share link's
//! fragment carries, so it survives chat apps and address bars unescaped.

use thiserror::Error;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why text is not URL-safe base64.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Base64Error {
    /// A character outside the alphabet.
    #[error("it has a character a share link never has ({0:?})")]
    Character(char),
    /// A length no encoding produces.
    #[error("it is cut off")]
    Length,
}

/// Encodes `bytes`.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Decodes what [`encode`] wrote.
pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut n = 0u32;
    let mut bits = 0;
    for c in text.chars() {
        let v = ALPHABET.iter().position(|a| char::from(*a) == c).ok_or(Base64Error::Character(c))?;
        n = n << 6 | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((n >> bits) as u8);
            n &= (1 << bits) - 1;
        }
    }
    // Six bits left over: no byte count encodes to that length.
    if bits == 6 {
        return Err(Base64Error::Length);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_answers() {
        // RFC 4648 §10, URL-safe and unpadded.
        for (plain, coded) in
            [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE")]
        {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode("Zm9v+"), Err(Base64Error::Character('+')));
        assert_eq!(decode("Z"), Err(Base64Error::Length));
    }

    proptest! {
        #[test]
        fn round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            prop_assert_eq!(decode(&encode(&bytes)).unwrap(), bytes);
        }

        #[test]
        fn any_text_decodes_or_fails_cleanly(text in "\\PC{0,40}") {
            let _ = decode(&text);
        }
    }
}

//! How a report document is kept in the database: compressed with LZ4 (block format, the
//! uncompressed size first) in `assessments.document_lz4`.
//!
//! A report JSON is about 87 kB of repetitive text; compressed, it is about a quarter of that.
//! SQLite writes every byte of a row twice (to the WAL, then to the database file at the
//! checkpoint), so storing a quarter of the bytes is most of what a submission costs it; on
//! PostgreSQL it takes the compression off the database server, which would otherwise do it
//! itself (`docs/benchmarks.md`). LZ4 is chosen for its speed (a fraction of a millisecond for a
//! report, both ways), not its ratio. Decompression is checked: a damaged value is an error, not
//! a panic or an allocation of the size it claims.

/// The largest document the store gives back: far above what the server accepts (1 MiB by
/// default), so that only a damaged value claiming more is refused before it is allocated.
const MAX_UNPACKED: usize = 64 * 1024 * 1024;

/// `text`, compressed.
pub(super) fn pack(text: &[u8]) -> Vec<u8> {
    lz4_flex::block::compress_prepend_size(text)
}

/// The document `packed` holds; why not when it is damaged.
pub(super) fn unpack(packed: &[u8]) -> Result<String, String> {
    let size = packed
        .get(..4)
        .and_then(|head| <[u8; 4]>::try_from(head).ok())
        .map(|head| u32::from_le_bytes(head) as usize)
        .ok_or("compressed document shorter than its header")?;
    if size > MAX_UNPACKED {
        return Err(format!(
            "compressed document claims {size} bytes, more than {MAX_UNPACKED}"
        ));
    }
    let bytes = lz4_flex::block::decompress_size_prepended(packed)
        .map_err(|error| format!("damaged compressed document: {error}"))?;
    if bytes.len() != size {
        return Err(format!(
            "damaged compressed document: {} bytes of {size}",
            bytes.len()
        ));
    }
    String::from_utf8(bytes).map_err(|_| "compressed document is not UTF-8".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = include_str!("../../tests/data/report.json");

    #[test]
    fn a_report_comes_back_as_it_was_and_smaller() {
        let packed = pack(REPORT.as_bytes());
        assert!(
            packed.len() * 3 < REPORT.len(),
            "{} of {}",
            packed.len(),
            REPORT.len()
        );
        assert_eq!(unpack(&packed).as_deref(), Ok(REPORT));
    }

    #[test]
    fn a_damaged_value_is_an_error_not_a_panic() {
        let packed = pack(REPORT.as_bytes());
        assert!(unpack(&[]).is_err());
        assert!(unpack(&packed[..packed.len() / 2]).is_err());
        let mut huge = packed.clone();
        huge[..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(unpack(&huge).unwrap_err().contains("more than"));
        let mut flipped = packed;
        for byte in flipped.iter_mut().skip(4).step_by(7) {
            *byte ^= 0x5a;
        }
        // Whatever the bytes say, an answer: the text or an error.
        let _ = unpack(&flipped);
        let not_utf8 = pack(&[0xff, 0xfe, 0x00]);
        assert!(unpack(&not_utf8).unwrap_err().contains("UTF-8"));
    }
}

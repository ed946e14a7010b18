//! The encrypted archive: a ZIP whose every entry is encrypted with WinZip AES-256 (AE-2), which
//! 7-Zip, WinZip, Keka, The Unarchiver and `7z`/`bsdtar` open with the passphrase.

use std::io::{Cursor, Write as _};

use chrono::{DateTime, Datelike as _, Timelike as _, Utc};
use questionnaire::plain::slug;
use zip::write::SimpleFileOptions;
use zip::{AesMode, CompressionMethod, ZipWriter};

use super::passphrase::Passphrase;
use crate::model::Report;
use crate::{Error as ReportError, Format};

/// One file of the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its name in the archive, without directories.
    pub name: String,
    /// Its contents.
    pub bytes: Vec<u8>,
}

/// The report's files, named `rapport-<organisation>-<date>.<ext>` (`report-…` in English), in
/// the order of `formats`. The first renderer that fails stops everything.
pub fn report_entries(report: &Report, formats: &[Format]) -> Result<Vec<Entry>, ReportError> {
    let stem = file_stem(report);
    formats
        .iter()
        .map(|&format| {
            Ok(Entry {
                name: format!("{stem}.{}", format.extension()),
                bytes: crate::render(report, format)?,
            })
        })
        .collect()
}

/// `rapport-<organisation>-<date>` (`report-…` in English), in lowercase ASCII letters, digits
/// and dashes, so that every mail client and every file system keeps it as it is.
pub fn file_stem(report: &Report) -> String {
    let organisation = slug(&report.cover.organisation);
    let mut stem = i18n::t!(report.lang, "archive-file-word");
    for part in [organisation.as_str(), report.cover.date.as_str()] {
        if !part.is_empty() {
            stem.push('-');
            stem.push_str(part);
        }
    }
    stem
}

/// A ZIP holding `entries`, each compressed then encrypted with AES-256 under `passphrase` (each
/// with its own random salt), dated `modified`, readable by their owner only once extracted.
pub fn encrypt(
    entries: &[Entry],
    passphrase: &Passphrase,
    modified: DateTime<Utc>,
) -> Result<Vec<u8>, zip::result::ZipError> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .unix_permissions(0o600)
        .last_modified_time(zip_time(modified))
        .with_aes_encryption(AesMode::Aes256, passphrase.expose());
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for entry in entries {
        writer.start_file(entry.name.as_str(), options)?;
        writer.write_all(&entry.bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}

/// The time as the ZIP format writes it (local to nobody: UTC), 1980-01-01 when out of its range.
fn zip_time(time: DateTime<Utc>) -> zip::DateTime {
    let fields = (
        u16::try_from(time.year()).ok(),
        u8::try_from(time.month()).ok(),
        u8::try_from(time.day()).ok(),
        u8::try_from(time.hour()).ok(),
        u8::try_from(time.minute()).ok(),
        u8::try_from(time.second()).ok(),
    );
    match fields {
        (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(s)) => {
            zip::DateTime::from_date_and_time(y, mo, d, h, mi, s).unwrap_or_default()
        }
        _ => zip::DateTime::default(),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use zip::ZipArchive;
    use zip::result::ZipError;

    use super::*;

    fn entries() -> Vec<Entry> {
        vec![
            Entry {
                name: "rapport-cpts-2026-01-15.html".into(),
                bytes: b"<html>CPTS du Val</html>".repeat(100),
            },
            Entry {
                name: "rapport-cpts-2026-01-15.md".into(),
                bytes: "# Rapport — CPTS du Val\n".into(),
            },
        ]
    }

    fn archive(passphrase: &Passphrase) -> Vec<u8> {
        encrypt(&entries(), passphrase, Utc::now()).unwrap()
    }

    #[test]
    fn opens_with_the_passphrase() {
        let passphrase = Passphrase::generate().unwrap();
        let bytes = archive(&passphrase);
        let mut zip = ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(zip.len(), 2);
        for (index, expected) in entries().iter().enumerate() {
            let mut file = zip
                .by_index_decrypt(index, passphrase.expose().as_bytes())
                .unwrap();
            assert!(file.encrypted());
            assert_eq!(file.name().unwrap(), expected.name);
            let mut contents = Vec::new();
            file.read_to_end(&mut contents).unwrap();
            assert_eq!(contents, expected.bytes);
        }
    }

    #[test]
    fn does_not_open_without_the_passphrase_or_with_another() {
        let passphrase = Passphrase::generate().unwrap();
        let bytes = archive(&passphrase);
        let mut zip = ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
        for index in 0..zip.len() {
            assert!(matches!(
                zip.by_index(index),
                Err(ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED))
            ));
            let other = Passphrase::generate().unwrap();
            assert!(matches!(
                zip.by_index_decrypt(index, other.expose().as_bytes()),
                Err(ZipError::InvalidPassword)
            ));
        }
        // The contents are not in clear: neither the text nor its deflated form's source.
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("CPTS du Val"));
        assert!(!text.contains(passphrase.expose()));
    }

    /// The strength byte of every WinZip AES extra field (id 0x9901, vendor "AE"): 3 is AES-256.
    fn aes_strengths(bytes: &[u8]) -> Vec<u8> {
        bytes
            .windows(9)
            .filter(|w| w[..4] == [0x01, 0x99, 0x07, 0x00] && &w[6..8] == b"AE")
            .map(|w| w[8])
            .collect()
    }

    #[test]
    fn every_entry_is_encrypted_with_aes_256() {
        let passphrase = Passphrase::generate().unwrap();
        let bytes = archive(&passphrase);
        // Two entries, each in its local header and in the central directory.
        assert_eq!(aes_strengths(&bytes), vec![3; 4]);
    }
}

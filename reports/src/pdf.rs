//! The report as an A4 PDF, typeset in-process (no browser, no external program).
//! Being written: until then this renderer refuses with a clear error.

use crate::Error;
use crate::model::Report;

/// The report as PDF bytes.
pub fn render(_report: &Report) -> Result<Vec<u8>, Error> {
    Err(Error::Pdf(
        "the PDF renderer is not built into this version yet".to_owned(),
    ))
}

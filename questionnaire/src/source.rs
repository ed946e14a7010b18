//! A file as read, kept to turn byte offsets from the TOML parser into lines and columns.

use std::ops::Range;

use crate::error::Location;

/// The text of one file and the name to show for it.
#[derive(Debug, Clone)]
pub(crate) struct SourceFile {
    pub(crate) name: String,
    pub(crate) text: String,
}

impl SourceFile {
    pub(crate) fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile {
            name: name.into(),
            text: text.into(),
        }
    }

    /// The 1-based line and column (in characters) where `span` starts.
    pub(crate) fn location(&self, span: Range<usize>) -> Location {
        let start = floor_char_boundary(&self.text, span.start.min(self.text.len()));
        let before = &self.text[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location {
            file: self.name.clone(),
            line,
            column,
        }
    }

    /// The location of the start of the file.
    pub(crate) fn start(&self) -> Location {
        self.location(0..0)
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_are_one_based_and_count_characters() {
        let file = SourceFile::new("c.toml", "a = 1\nété = \"x\"\n");
        let at = |offset| {
            let l = file.location(offset..offset);
            (l.line, l.column)
        };
        assert_eq!(at(0), (1, 1));
        assert_eq!(at(6), (2, 1));
        // "été" is 5 bytes and 3 characters: the '=' is at byte 12, column 5.
        assert_eq!(at(12), (2, 5));
        // An offset inside a multi-byte character does not panic.
        assert_eq!(at(7), (2, 1));
        assert_eq!(at(10_000).0, 3);
    }
}

//! Line and column positions for byte offsets.

use std::cell::Cell;

use crate::diagnostic::Position;

/// The start offsets of the lines of a text, for turning byte offsets into positions.
///
/// Readers ask for positions in increasing order, so the last answer is remembered and the next
/// column is counted from there: a whole document costs linear time even when it is one line.
#[derive(Debug, Clone)]
pub(crate) struct Lines<'a> {
    text: &'a [u8],
    starts: Vec<usize>,
    /// The last offset asked for, its line index and its column (from 0).
    last: Cell<(usize, usize, usize)>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        Lines::new_bytes(text.as_bytes())
    }

    pub fn new_bytes(text: &'a [u8]) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(
            text.iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Lines {
            text,
            starts,
            last: Cell::new((0, 0, 0)),
        }
    }

    /// The position of byte `offset`; columns count characters.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let (last_offset, last_line, last_column) = self.last.get();
        let (from, base) = if last_line == line && last_offset <= offset {
            (last_offset, last_column)
        } else {
            (self.starts[line], 0)
        };
        // Count characters, not bytes: skip UTF-8 continuation bytes.
        let column = base
            + self.text[from..offset]
                .iter()
                .filter(|b| (**b & 0xC0) != 0x80)
                .count();
        self.last.set((offset, line, column));
        Position {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        }
    }

    /// The position just after the text.
    pub fn end(&self) -> Position {
        self.position(self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let lines = Lines::new("ab\nçd\n");
        assert_eq!(lines.position(0), Position { line: 1, column: 1 });
        assert_eq!(lines.position(3), Position { line: 2, column: 1 });
        assert_eq!(lines.position(5), Position { line: 2, column: 2 });
        assert_eq!(lines.end(), Position { line: 3, column: 1 });
        // Out of order, after the memo moved on.
        assert_eq!(lines.position(4), Position { line: 2, column: 2 });
        assert_eq!(lines.position(1), Position { line: 1, column: 2 });
    }
}

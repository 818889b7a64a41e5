//! Plain-text tables that line up Japanese (double-width) and Latin text in a terminal.

/// Columns a character takes in a terminal: Unicode's East Asian Width (wide and fullwidth
/// take two), as the `unicode-width` crate keeps it; control characters take none.
fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Columns a string takes.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// `s` cut to at most `max` columns (with … when cut); control characters shown as spaces and
/// invisible ones (zero-width, bidi controls) as `[U+XXXX]`, so a terminal shows what is there.
pub fn fit(s: &str, max: usize) -> String {
    let s: String = s
        .chars()
        .map(|c| {
            if narisumashi::normalize::is_invisible(c) {
                format!("[U+{:04X}]", c as u32)
            } else if c.is_control() {
                " ".to_string()
            } else {
                c.to_string()
            }
        })
        .collect();
    if width(&s) <= max {
        return s;
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        if w + char_width(c) + 1 > max {
            break;
        }
        w += char_width(c);
        out.push(c);
    }
    out.push('…');
    out
}

/// Writes rows with columns padded to the widest cell (last column unpadded).
pub fn write(out: &mut dyn std::io::Write, rows: &[Vec<String>], indent: &str) -> std::io::Result<()> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| width(c))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::from(indent);
        for (i, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                line.push_str(&" ".repeat(widths[i] - width(cell) + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

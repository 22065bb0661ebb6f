//! List markers from `word/numbering.xml`: "1.", "a.", "iv." or "-" before each item.
//!
//! Word does not store a list item's number; it counts. A paragraph names a numbering
//! instance (`numId`) and a level; the instance points at an abstract definition giving
//! each level's format and marker text (`%1.` or `%1.%2.`). Counting here follows Word:
//! per instance and level, a deeper level restarting whenever a shallower one advances.

use std::collections::HashMap;

use super::xml::Element;

#[derive(Clone, Debug, Default)]
struct Level {
    format: String,
    text: String,
    start: u64,
}

#[derive(Clone, Debug, Default)]
pub struct Numbering {
    /// Abstract definitions by `abstractNumId`: their levels by `ilvl`.
    abstract_levels: HashMap<String, HashMap<u8, Level>>,
    /// Instances by `numId`: their abstract definition and restarted levels.
    instances: HashMap<String, (String, HashMap<u8, u64>)>,
}

const LEVELS: usize = 9;

/// The longest marker text (`lvlText`) taken as written; Word's own are a few characters.
/// A longer one is read as a plain bullet, so a list cannot repeat a huge text per item.
const MAX_LEVEL_TEXT_CHARS: usize = 64;
/// The longest marker produced, once its numbers are filled in.
const MAX_MARKER_CHARS: usize = 64;

impl Numbering {
    pub fn from_xml(root: &Element) -> Self {
        let abstract_levels = root
            .children_named("abstractNum")
            .filter_map(|definition| {
                let id = definition.attr("abstractNumId")?.to_owned();
                let levels = definition
                    .children_named("lvl")
                    .filter_map(|level| {
                        let index: u8 = level.attr("ilvl")?.parse().ok()?;
                        let text = level.child_val("lvlText").unwrap_or_default();
                        let format = if text.chars().count() > MAX_LEVEL_TEXT_CHARS {
                            "bullet"
                        } else {
                            level.child_val("numFmt").unwrap_or("decimal")
                        };
                        Some((
                            index,
                            Level {
                                format: format.to_owned(),
                                text: if format == "bullet" {
                                    String::new()
                                } else {
                                    text.to_owned()
                                },
                                start: level
                                    .child_val("start")
                                    .and_then(|v| v.parse().ok())
                                    .unwrap_or(1),
                            },
                        ))
                    })
                    .collect();
                Some((id, levels))
            })
            .collect();
        let instances = root
            .children_named("num")
            .filter_map(|instance| {
                let id = instance.attr("numId")?.to_owned();
                let abstract_id = instance.child_val("abstractNumId")?.to_owned();
                let restarts = instance
                    .children_named("lvlOverride")
                    .filter_map(|o| {
                        let level = o.attr("ilvl")?.parse().ok()?;
                        let start = o.child_val("startOverride")?.parse().ok()?;
                        Some((level, start))
                    })
                    .collect();
                Some((id, (abstract_id, restarts)))
            })
            .collect();
        Self {
            abstract_levels,
            instances,
        }
    }

    fn level(&self, num_id: &str, level: u8) -> Option<(&Level, Option<u64>)> {
        let (abstract_id, restarts) = self.instances.get(num_id)?;
        let definition = self.abstract_levels.get(abstract_id)?;
        Some((definition.get(&level)?, restarts.get(&level).copied()))
    }
}

/// The counters of every list seen so far.
#[derive(Debug, Default)]
pub struct ListCounters {
    by_instance: HashMap<String, [Option<u64>; LEVELS]>,
}

impl ListCounters {
    /// Counts one more item of list `num_id` at `level` and returns its marker, or `None`
    /// for a paragraph that is not (or no longer) a list item.
    pub fn marker(&mut self, numbering: &Numbering, num_id: &str, level: u8) -> Option<String> {
        let level = level.min(LEVELS as u8 - 1);
        let (definition, restart) = numbering.level(num_id, level)?;
        let counters = self.by_instance.entry(num_id.to_owned()).or_default();
        let index = usize::from(level);
        let start = restart.unwrap_or(definition.start);
        let current = counters
            .get(index)
            .copied()
            .flatten()
            .map_or(start, |n| n.saturating_add(1));
        if let Some(slot) = counters.get_mut(index) {
            *slot = Some(current);
        }
        for deeper in counters.iter_mut().skip(index + 1) {
            *deeper = None;
        }
        match definition.format.as_str() {
            "bullet" => return Some("-".to_owned()),
            "none" => return None,
            _ => {}
        }
        let mut marker = definition.text.clone();
        for shallower in (0..=level).rev() {
            let placeholder = format!("%{}", shallower + 1);
            if !marker.contains(&placeholder) {
                continue;
            }
            let (format, value) = match numbering.level(num_id, shallower) {
                Some((l, r)) => (
                    l.format.as_str(),
                    counters
                        .get(usize::from(shallower))
                        .copied()
                        .flatten()
                        .unwrap_or(r.unwrap_or(l.start)),
                ),
                None => ("decimal", 1),
            };
            marker = marker.replace(&placeholder, &number_in_format(value, format));
        }
        let marker: String = marker.trim().chars().take(MAX_MARKER_CHARS).collect();
        (!marker.is_empty()).then_some(marker)
    }
}

fn number_in_format(value: u64, format: &str) -> String {
    match format {
        "lowerLetter" => letters_from_number(value),
        "upperLetter" => letters_from_number(value).to_uppercase(),
        "lowerRoman" => roman_from_number(value),
        "upperRoman" => roman_from_number(value).to_uppercase(),
        "decimalZero" => format!("{value:02}"),
        _ => value.to_string(),
    }
}

/// 1 → a, 26 → z, 27 → aa, 28 → bb (Word repeats the letter).
fn letters_from_number(value: u64) -> String {
    if value == 0 {
        return "0".to_owned();
    }
    let letter = char::from(b'a' + u8::try_from((value - 1) % 26).unwrap_or(0));
    let times = usize::try_from((value - 1) / 26 + 1).unwrap_or(1).min(64);
    letter.to_string().repeat(times)
}

fn roman_from_number(value: u64) -> String {
    if value == 0 || value >= 4000 {
        return value.to_string();
    }
    const NUMERALS: [(u64, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut rest = value;
    let mut roman = String::new();
    for (worth, numeral) in NUMERALS {
        while rest >= worth {
            roman.push_str(numeral);
            rest -= worth;
        }
    }
    roman
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::docx::archive::Limits;
    use crate::import::docx::xml;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>"#;

    #[test]
    fn markers_count_per_list_and_level_and_deeper_levels_restart() {
        let numbering = Numbering::from_xml(
            &xml::parse("word/numbering.xml", NUMBERING.as_bytes(), &Limits::DEFAULT).unwrap(),
        );
        let mut counters = ListCounters::default();
        let mut marker = |id: &str, level| counters.marker(&numbering, id, level);
        assert_eq!(marker("1", 0).as_deref(), Some("1."));
        assert_eq!(marker("1", 1).as_deref(), Some("a."));
        assert_eq!(marker("1", 1).as_deref(), Some("b."));
        assert_eq!(marker("1", 2).as_deref(), Some("1.b.i)"));
        assert_eq!(marker("1", 2).as_deref(), Some("1.b.ii)"));
        assert_eq!(marker("1", 0).as_deref(), Some("2."));
        assert_eq!(
            marker("1", 1).as_deref(),
            Some("a."),
            "restarted under item 2"
        );
        assert_eq!(marker("2", 0).as_deref(), Some("-"));
        assert_eq!(marker("3", 0).as_deref(), Some("5."), "startOverride");
        assert_eq!(marker("0", 0), None, "numId 0 ends a list");
        assert_eq!(marker("99", 0), None);
        assert_eq!(marker("1", 200).as_deref(), None, "an undefined level");
    }

    #[test]
    fn a_huge_marker_text_is_a_bullet_and_markers_stay_short() {
        let long = "x".repeat(MAX_LEVEL_TEXT_CHARS + 1);
        let many = "%1".repeat(32);
        let source = format!(
            r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="{long}"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="99999"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{many}"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"#
        );
        let numbering = Numbering::from_xml(
            &xml::parse("word/numbering.xml", source.as_bytes(), &Limits::DEFAULT).unwrap(),
        );
        let mut counters = ListCounters::default();
        assert_eq!(counters.marker(&numbering, "1", 0).as_deref(), Some("-"));
        let marker = counters.marker(&numbering, "2", 0).unwrap();
        assert_eq!(marker.chars().count(), MAX_MARKER_CHARS);
    }

    #[test]
    fn numbers_in_each_format() {
        assert_eq!(number_in_format(28, "lowerLetter"), "bb");
        assert_eq!(number_in_format(4, "upperRoman"), "IV");
        assert_eq!(number_in_format(1994, "lowerRoman"), "mcmxciv");
        assert_eq!(number_in_format(7, "decimalZero"), "07");
        assert_eq!(number_in_format(u64::MAX, "lowerLetter").len(), 64);
    }
}

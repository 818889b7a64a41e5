//! Text shown to people: the words for evidence, statuses and dates ([`wording`]), and values
//! from impostors made safe to show ([`safe`]).

pub mod safe;
pub mod wording;

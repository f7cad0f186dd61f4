//! Page numbers in a printed briefing's contents. Chromium does not print
//! `target-counter()`, so a briefing is printed twice: the first PDF says
//! on which page each item begins (Chromium makes every `id` of the page a
//! named destination, `item-1` → its page), and the second is printed
//! with those numbers in the address (`?pages=3,4,6`), which the page's
//! script writes into its contents. The contents keep the numbers' room
//! in both prints, so the second paginates as the first.

use std::collections::BTreeMap;
use std::path::Path;

use lopdf::{Document, Object, ObjectId};

use crate::Error;

/// The page on which each of `item-1`, `item-2` … begins in the PDF at
/// `pdf`, in order; empty when it has no such items (a document's page).
pub fn item_pages(pdf: &Path) -> Result<Vec<u32>, Error> {
    let unreadable = |e: lopdf::Error| {
        Error::Usage(format!(
            "the PDF Chromium printed, {}, could not be read for its page numbers: {e}",
            pdf.display()
        ))
    };
    let doc = Document::load(pdf).map_err(unreadable)?;
    let page_of: BTreeMap<ObjectId, u32> =
        doc.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    let Ok(dests) = doc
        .catalog()
        .and_then(|c| c.get(b"Dests"))
        .and_then(|d| doc.dereference(d))
        .and_then(|(_, d)| d.as_dict())
    else {
        return Ok(Vec::new());
    };
    let mut items: BTreeMap<u32, u32> = BTreeMap::new();
    for (name, dest) in dests.iter() {
        let Some(n) = std::str::from_utf8(name)
            .ok()
            .and_then(|s| s.strip_prefix("item-"))
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        if let Some(page) = page_of_dest(&doc, dest).and_then(|id| page_of.get(&id)) {
            items.insert(n, *page);
        }
    }
    // Items numbered 1, 2, 3 … with none missing, or no numbers at all.
    let complete = items.keys().copied().eq(1..=items.len() as u32);
    Ok(if complete {
        items.into_values().collect()
    } else {
        Vec::new()
    })
}

/// The page a destination points to: `[page /XYZ left top zoom]`, or a
/// dictionary with such an array as `/D`.
fn page_of_dest(doc: &Document, dest: &Object) -> Option<ObjectId> {
    let (_, dest) = doc.dereference(dest).ok()?;
    let array = match dest {
        Object::Dictionary(d) => doc.dereference(d.get(b"D").ok()?).ok()?.1.as_array().ok()?,
        other => other.as_array().ok()?,
    };
    array.first()?.as_reference().ok()
}

/// The address's query that gives the page numbers to the page.
pub fn query(pages: &[u32]) -> String {
    let list: Vec<String> = pages.iter().map(u32::to_string).collect();
    format!("?pages={}", list.join(","))
}

#[cfg(test)]
mod tests {
    use super::query;

    #[test]
    fn the_numbers_go_in_order_into_the_query() {
        assert_eq!(query(&[3, 4, 6]), "?pages=3,4,6");
    }
}

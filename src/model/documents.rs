//! The documents of a site, in id order. Each is shared (`Arc`), so that
//! the sites `serve` builds one after another keep the documents that did
//! not change instead of copying them; to readers it is a list of
//! [`Document`]: `site.documents[d]`, `.iter()`, `.len()`, `for d in &…`,
//! `.par_iter()`.

use std::ops::Index;
use std::sync::Arc;

use super::Document;

#[derive(Debug, Default, Clone)]
pub struct Documents(Vec<Arc<Document>>);

/// An iterator over the documents.
pub type Iter<'a> =
    std::iter::Map<std::slice::Iter<'a, Arc<Document>>, fn(&Arc<Document>) -> &Document>;

fn deref(doc: &Arc<Document>) -> &Document {
    doc
}

impl Documents {
    pub(super) fn new(docs: Vec<Arc<Document>>) -> Documents {
        Documents(docs)
    }

    /// The shared documents themselves.
    pub(super) fn shared(&self) -> &[Arc<Document>] {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, d: usize) -> Option<&Document> {
        self.0.get(d).map(deref)
    }

    pub fn first(&self) -> Option<&Document> {
        self.0.first().map(deref)
    }

    pub fn last(&self) -> Option<&Document> {
        self.0.last().map(deref)
    }

    pub fn iter(&self) -> Iter<'_> {
        self.0.iter().map(deref as fn(&Arc<Document>) -> &Document)
    }
}

impl Index<usize> for Documents {
    type Output = Document;

    fn index(&self, d: usize) -> &Document {
        &self.0[d]
    }
}

impl<'a> IntoIterator for &'a Documents {
    type Item = &'a Document;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl<'a> rayon::iter::IntoParallelIterator for &'a Documents {
    type Item = &'a Document;
    type Iter =
        rayon::iter::Map<rayon::slice::Iter<'a, Arc<Document>>, fn(&Arc<Document>) -> &Document>;

    fn into_par_iter(self) -> Self::Iter {
        use rayon::prelude::*;
        self.0
            .par_iter()
            .map(deref as fn(&Arc<Document>) -> &Document)
    }
}
